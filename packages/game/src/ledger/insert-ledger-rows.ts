import { Prisma } from '@necp/db';
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
 * The INSERT of many ledger rows, as one statement's text — for a writer that folds it
 * into a statement of its own (the market's match batch: every write one statement);
 * `only`: the condition the rows are written on (recordCurrencySteps: the balance changed).
 * The caller has already changed the balances and stacks the rows describe, under
 * their row locks, in the same transaction; checkInvariants proves the two agree.
 */
export function ledgerRowsInsert(
  rows: readonly LedgerRow[],
  only: Prisma.Sql = Prisma.sql`true`,
): Prisma.Sql {
  for (const r of rows)
    if (!Number.isSafeInteger(r.eddiesDelta ?? 0) || !Number.isSafeInteger(r.quantityDelta ?? 0))
      throw new Error(`insertLedgerRows: bad delta in ${JSON.stringify(r)}`);
  const col = <T>(f: (r: LedgerRow) => T) => rows.map(f);
  return Prisma.sql`
    INSERT INTO "LedgerEntry" ("reason", "characterId", "eddiesDelta", "balanceAfter", "itemId",
      "templateId", "quantityDelta", "fromOwner", "toOwner", "ref")
    SELECT * FROM unnest(
      ${col((r) => r.reason)}::text[], ${col((r) => r.characterId ?? null)}::text[],
      ${col((r) => r.eddiesDelta ?? 0)}::int[], ${col((r) => r.balanceAfter ?? null)}::int[],
      ${col((r) => r.itemId ?? null)}::text[], ${col((r) => r.templateId ?? null)}::text[],
      ${col((r) => r.quantityDelta ?? 0)}::int[], ${col((r) => r.fromOwner)}::text[],
      ${col((r) => r.toOwner)}::text[], ${col((r) => r.ref ?? null)}::text[])
    WHERE ${only}`;
}

/** Appends many ledger rows in one statement (ledgerRowsInsert). */
export async function insertLedgerRows(tx: Tx, rows: readonly LedgerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw(ledgerRowsInsert(rows));
}
