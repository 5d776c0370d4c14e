import type { Tx } from '../core/deps';
import type { LedgerReason } from './reasons';

/** One LedgerEntry as written: eddies (with characterId or a holder) or an item's quantity. */
export interface LedgerRow {
  reason: LedgerReason;
  characterId?: string | null;
  eddiesDelta?: number;
  balanceAfter?: number | null;
  itemId?: string | null;
  templateId?: string | null;
  quantityDelta?: number;
  fromOwner: string | null;
  toOwner: string | null;
  ref?: string | null;
}

/**
 * Appends many ledger rows in one statement (the market's match batch writes hundreds).
 * The caller has already changed the balances and stacks the rows describe, under
 * their row locks, in the same transaction; checkInvariants proves the two agree.
 */
export async function insertLedgerRows(tx: Tx, rows: readonly LedgerRow[]): Promise<void> {
  if (rows.length === 0) return;
  for (const r of rows)
    if (!Number.isSafeInteger(r.eddiesDelta ?? 0) || !Number.isSafeInteger(r.quantityDelta ?? 0))
      throw new Error(`insertLedgerRows: bad delta in ${JSON.stringify(r)}`);
  const col = <T>(f: (r: LedgerRow) => T) => rows.map(f);
  await tx.$executeRaw`
    INSERT INTO "LedgerEntry" ("reason", "characterId", "eddiesDelta", "balanceAfter", "itemId",
      "templateId", "quantityDelta", "fromOwner", "toOwner", "ref")
    SELECT * FROM unnest(
      ${col((r) => r.reason)}::text[], ${col((r) => r.characterId ?? null)}::text[],
      ${col((r) => r.eddiesDelta ?? 0)}::int[], ${col((r) => r.balanceAfter ?? null)}::int[],
      ${col((r) => r.itemId ?? null)}::text[], ${col((r) => r.templateId ?? null)}::text[],
      ${col((r) => r.quantityDelta ?? 0)}::int[], ${col((r) => r.fromOwner)}::text[],
      ${col((r) => r.toOwner)}::text[], ${col((r) => r.ref ?? null)}::text[])`;
}
