/**
 * What the sim's unprompted notices say to the player: quest progress and
 * failures (quest:update), standing changes (reputation:changed) and item use
 * results. Pure: message in, toast lines out (the game client shows them).
 */
import {
  REPUTATION_TIERS,
  contactById,
  questById,
  type ItemUseResult,
  type QuestUpdateMsg,
  type ReputationChangedMsg,
  type ReputationTier,
} from '@necp/shared';
import { TIER_LABEL, signed } from '../quests/format';
import type { ToastKind } from '../hud/toast-slice';

export interface Notice {
  kind: ToastKind;
  text: string;
}

const FAILURE_REASON: Record<string, string> = {
  timer: 'time ran out',
  npc_killed: 'your contact is dead',
  npcKilled: 'your contact is dead',
  choice: 'you made your choice',
  reset: 'the job expired',
};

/** "Tyger Claws punks dealt with 3/5" · "Quest ready: Punk Problem — return to Regina Jones" · "Quest failed: …". */
export function questNotice(msg: QuestUpdateMsg): Notice {
  switch (msg.kind) {
    case 'progress': {
      const o = msg.objective;
      if (!o) return { kind: 'info', text: `${msg.title} updated` };
      const count = o.target > 1 ? ` ${Math.min(o.progress, o.target)}/${o.target}` : '';
      const done = o.progress >= o.target ? ' ✓' : '';
      return { kind: 'info', text: `${o.label}${count}${done}` };
    }
    case 'ready': {
      const turnIn = contactById(questById(msg.questId)?.turnInId ?? '')?.name;
      return {
        kind: 'success',
        text: `Quest ready: ${msg.title} — ${turnIn ? `return to ${turnIn}` : 'turn it in'}`,
      };
    }
    case 'failed': {
      const why = msg.reason ? FAILURE_REASON[msg.reason] : undefined;
      return { kind: 'error', text: `Quest failed: ${msg.title}${why ? ` — ${why}` : ''}` };
    }
  }
}

const isTier = (t: string): t is ReputationTier =>
  (REPUTATION_TIERS as readonly string[]).includes(t);

/**
 * What a standing change says. A new tier is news and gets its own line in
 * success/error colours ("+250 Fixer Network — now Friendly"); the small moves a
 * kill brings (the faction and its rivals) share one line, biggest first, so
 * every kill does not bury the screen in toasts: "−12 Tyger Claws · +5 Maelstrom".
 */
export function reputationNotices(msg: ReputationChangedMsg): Notice[] {
  const moved = msg.changes.filter((c) => c.delta !== 0);
  const out: Notice[] = [];
  const small = moved
    .filter((c) => !c.tierChanged)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  if (small[0])
    out.push({
      kind: small[0].delta > 0 ? 'info' : 'warn',
      text: small.map((c) => `${signed(c.delta)} ${c.factionName}`).join(' · '),
    });
  for (const c of moved) {
    if (!c.tierChanged) continue;
    const tier = isTier(c.tier) ? TIER_LABEL[c.tier] : c.tier;
    out.push({
      kind: c.delta > 0 ? 'success' : 'error',
      text: `${signed(c.delta)} ${c.factionName} — now ${tier}`,
    });
  }
  return out;
}

/** The toast's words before the item's name: "+40 health from <MaxDoc>", "Used <Data Shard>". */
export function itemUseText(r: Pick<ItemUseResult, 'healed'>): string {
  return r.healed > 0 ? `+${r.healed} health from` : 'Used';
}

/** Ack errors of zone:travel / item:use are player-facing; the fallback only covers an empty one. */
export const refusalText = (message: string | undefined, fallback: string) =>
  message && message.trim() ? message : fallback;
