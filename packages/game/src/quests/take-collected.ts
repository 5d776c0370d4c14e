import type { Item } from '@necp/db';
import { itemTemplateById, type Quest } from '@necp/shared';
import type { Tx } from '../core/deps';
import { charOwner, sinkOwner } from '../ledger/owners';
import { takeFromStack } from '../inventory/take-from-stack';
import { questRefused } from './errors';

/**
 * At turn-in the bag must hold every `collect` objective's count; consumed ones
 * are taken (ledger sink `quest`), smallest stacks first so slots free up.
 * `bag` is the character's locked items. Checks everything before taking anything.
 */
export async function takeCollectedTx(
  tx: Tx,
  characterId: string,
  quest: Quest,
  items: readonly Item[],
): Promise<void> {
  const collects = quest.objectives.flatMap((o) => (o.kind === 'collect' ? [o] : []));
  const stacks = (templateId: string) =>
    items
      // a stack offered in a trade is not the character's to hand in
      .filter((i) => i.container === 'BAG' && i.templateId === templateId && !i.reservation)
      .sort((a, b) => a.quantity - b.quantity || a.slot - b.slot);
  for (const o of collects) {
    const have = stacks(o.itemTemplateId).reduce((n, i) => n + i.quantity, 0);
    if (have < o.count) {
      const name = itemTemplateById(o.itemTemplateId)?.name ?? o.itemTemplateId;
      throw questRefused(quest.id, `You need ${o.count}× ${name} in your bag`);
    }
  }
  for (const o of collects) {
    if (!o.consume) continue;
    let left = o.count;
    for (const item of stacks(o.itemTemplateId)) {
      if (left === 0) break;
      const n = Math.min(left, item.quantity);
      left -= n;
      await takeFromStack(tx, item, n, {
        reason: 'quest',
        fromOwner: charOwner(characterId),
        toOwner: sinkOwner('quest'),
        ref: quest.id,
      });
    }
  }
}
