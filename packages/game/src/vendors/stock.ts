/**
 * Limited daily stock (VendorStock): one row per vendor, template and UTC day
 * holding how many units all players together bought. A new day has no row, so
 * stock restocks at 00:00 UTC without any job (the daily cleanup only deletes
 * rows of past days).
 */
import { dailyPeriodKey } from '@necp/shared';
import type { Db, Tx } from '../core/deps';
import { soldOut } from './errors';

/** Units sold today per limited template of a vendor. */
export async function soldToday(
  db: Db | Tx,
  vendorId: string,
  now: Date,
): Promise<Map<string, number>> {
  const rows = await db.vendorStock.findMany({
    where: { vendorId, periodKey: dailyPeriodKey(now) },
    select: { templateId: true, sold: true },
  });
  return new Map(rows.map((r) => [r.templateId, r.sold]));
}

export const unitsLeft = (limit: number, sold: number | undefined): number =>
  Math.max(0, limit - (sold ?? 0));

/**
 * Takes `quantity` units of today's stock in one conditional statement: the
 * insert or the `sold + n <= limit` update happens, or nothing does. Concurrent
 * buyers queue on the row (ON CONFLICT waits for the other insert/update and
 * re-checks the condition against the committed row), so the day's limit can
 * never be oversold. Throws INVALID_STATE "Sold out for today" / "Only N left today".
 */
export async function claimStock(
  tx: Tx,
  a: { vendorId: string; templateId: string; limit: number; quantity: number; now: Date },
): Promise<void> {
  const periodKey = dailyPeriodKey(a.now);
  if (a.quantity <= a.limit) {
    const rows = await tx.$queryRaw<{ sold: number }[]>`
      INSERT INTO "VendorStock" ("vendorId", "templateId", "periodKey", "sold")
      VALUES (${a.vendorId}, ${a.templateId}, ${periodKey}, ${a.quantity}::int)
      ON CONFLICT ("vendorId", "templateId", "periodKey") DO UPDATE
        SET "sold" = "VendorStock"."sold" + EXCLUDED."sold"
        WHERE "VendorStock"."sold" + EXCLUDED."sold" <= ${a.limit}::int
      RETURNING "sold"`;
    if (rows.length > 0) return;
  }
  const row = await tx.vendorStock.findUnique({
    where: {
      vendorId_templateId_periodKey: {
        vendorId: a.vendorId,
        templateId: a.templateId,
        periodKey,
      },
    },
    select: { sold: true },
  });
  throw soldOut(unitsLeft(a.limit, row?.sold));
}
