import type { GameDeps } from '../core/deps';
import { sinkOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { recordItem } from '../ledger/record-item';
import { itemOwner } from '../inventory/container';
import { purgeMailOf } from '../mail/expire-mail';
import { lookForWaitingAmong, matchIfWaiting, waitingOf } from '../market/match-book';
import { purgeMarketOf } from '../market/purge-orders';
import { restoreExpiryCutoff } from './character-summary';
import { inTransaction } from '../core/transaction';

/**
 * Hard-deletes characters soft-deleted longer ago than the restore window, which
 * frees their names. Safe to run from many nodes at once. `nameKey` narrows it to
 * one name (createCharacter uses that so an expired name can be retaken at once).
 * Their items (bag, equipment and those kept for buy-back) and eddies vanish
 * with them, so the same transaction writes the ledger sinks (`purge`) that keep
 * the conservation invariants balanced.
 */
export async function purgeExpiredCharacters(
  deps: GameDeps,
  scope: { nameKey?: string } = {},
): Promise<number> {
  const expired = await deps.db.character.findMany({
    where: {
      deletedAt: { lte: restoreExpiryCutoff(deps.clock.now()) },
      ...(scope.nameKey !== undefined ? { nameLower: scope.nameKey } : {}),
    },
    select: { id: true },
  });
  if (expired.length === 0) return 0;
  const { count, goods, waiting } = await inTransaction(deps.db, async (tx) => {
    // a concurrent purge may have taken some already: keep only rows still there once locked
    const locked = await tx.$queryRaw<{ id: string; eddies: number }[]>`
      SELECT "id", "eddies" FROM "Character"
      WHERE "id" = ANY(${expired.map((c) => c.id)}::text[]) AND "deletedAt" IS NOT NULL
      FOR UPDATE`;
    if (locked.length === 0) return { count: 0, goods: [], waiting: Promise.resolve(null) };
    const ids = locked.map((c) => c.id);
    const items = await tx.item.findMany({ where: { characterId: { in: ids } } });
    for (const item of items) {
      await recordItem(tx, {
        reason: 'purge',
        itemId: item.id,
        templateId: item.templateId,
        quantityDelta: -item.quantity,
        // bag/equipment → char:<id>; items kept for buy-back → buyback:<id>
        fromOwner: itemOwner(item),
        toOwner: sinkOwner('purge'),
      });
    }
    for (const c of locked)
      if (c.eddies > 0)
        await recordCurrency(tx, { reason: 'purge', characterId: c.id, delta: -c.eddies });
    // their mail: returned to its senders or destroyed (sink `purge`), never left orphaned
    await purgeMailOf(tx, ids, deps.clock.now());
    // their market orders: closed, and what they held sunk (`purge`)
    const goods = await purgeMarketOf(tx, ids, deps.clock.now());
    const { count } = await tx.character.deleteMany({ where: { id: { in: ids } } });
    // orders placed while it held their books were left to it: looked for after its commit
    return { count, goods, waiting: lookForWaitingAmong(tx, goods) };
  });
  // orders placed while the purge held their books were left to it (a failure is logged)
  for (const g of goods) await matchIfWaiting(deps, g, waitingOf(waiting, g));
  if (count > 0) deps.log.info({ count, ...scope }, 'purged expired characters');
  return count;
}
