import type { GameDeps } from '../core/deps';
import { groundOwner, sinkOwner } from '../ledger/owners';
import { recordItem } from '../ledger/record-item';
import { assertZoneOwner, type ZoneFence } from '../cluster/zone-ownership';
import { inTransaction } from '../core/transaction';

/** One sweep destroys at most this many drops; the next sweep takes the rest. */
export const EXPIRE_BATCH = 500;

/**
 * Destroys the drops of a zone that lay past their despawnAt, in one transaction:
 * ledger sink `despawn` for each item, then the items (their WorldDrops cascade).
 * Drops locked by a pickup in progress are skipped (SKIP LOCKED) and retried next
 * sweep. Returns the ids of the drops removed.
 */
export async function expireDrops(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  zoneId: string,
  /** the zone's lease token (refused once another process owns the zone) */
  fence?: ZoneFence,
): Promise<string[]> {
  return destroyDrops(deps, zoneId, deps.clock.now(), fence);
}

/**
 * An instance closed: every drop still lying in it is destroyed (nobody can reach
 * it any more), as if it had expired — ledger sink `despawn`, in batches. Drops
 * locked by a pickup in progress are skipped. Returns how many were destroyed.
 */
export async function clearZoneDrops(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  zoneId: string,
): Promise<number> {
  let removed = 0;
  for (;;) {
    const batch = await destroyDrops(deps, zoneId, null);
    removed += batch.length;
    if (batch.length < EXPIRE_BATCH) return removed;
  }
}

/** The zone's drops due by `due` (null: all of them), one batch, in one transaction. */
async function destroyDrops(
  deps: Pick<GameDeps, 'db'>,
  zoneId: string,
  due: Date | null,
  fence?: ZoneFence,
): Promise<string[]> {
  const dueRows = await deps.db.worldDrop.findMany({
    where: { zoneId, ...(due ? { despawnAt: { lte: due } } : {}) },
    select: { id: true },
    orderBy: { despawnAt: 'asc' },
    take: EXPIRE_BATCH,
  });
  if (dueRows.length === 0) return [];
  const ids = dueRows.map((d) => d.id);

  return inTransaction(deps.db, async (tx) => {
    await assertZoneOwner(tx, fence);
    // despawnAt never changes, so rows still here once locked are still due
    const rows = await tx.$queryRaw<
      { id: string; itemId: string; templateId: string; quantity: number }[]
    >`
      SELECT d."id", d."itemId", i."templateId", i."quantity"
      FROM "WorldDrop" d JOIN "Item" i ON i."id" = d."itemId"
      WHERE d."id" = ANY(${ids}::text[])
      FOR UPDATE OF d, i SKIP LOCKED`;
    for (const r of rows) {
      await recordItem(tx, {
        reason: 'despawn',
        itemId: r.itemId,
        templateId: r.templateId,
        quantityDelta: -r.quantity,
        fromOwner: groundOwner(zoneId),
        toOwner: sinkOwner('despawn'),
        ref: r.id,
      });
    }
    await tx.item.deleteMany({ where: { id: { in: rows.map((r) => r.itemId) } } });
    return rows.map((r) => r.id);
  });
}
