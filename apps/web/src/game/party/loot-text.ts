/** How a party's loot reads in the chat window and on the cards. */
import type { LootRollResultMsg } from '@necp/shared';

/** "Mantis Blades — Ana need 87, Bex greed 45, Cid pass: Ana wins." */
export function rollResultText(msg: LootRollResultMsg): string {
  const parts = msg.rolls.map((r) =>
    r.choice === 'need' || r.choice === 'greed'
      ? `${r.name} ${r.choice} ${r.roll}`
      : `${r.name} pass`,
  );
  const end = msg.winner ? `${msg.winner} wins.` : 'everyone passed: free for all.';
  return parts.length ? `${msg.name} — ${parts.join(', ')}: ${end}` : `${msg.name}: ${end}`;
}
