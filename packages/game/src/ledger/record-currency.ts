import { Prisma } from '@necp/db';
import type { Tx } from '../core/deps';
import { characterNotFound, DomainError } from '../core/errors';
import { ledgerRowsInsert, type LedgerRow } from './insert-ledger-rows';
import type { LedgerReason } from './reasons';

export interface CurrencyChange {
  reason: LedgerReason;
  characterId: string;
  /** signed; whole eddies */
  delta: number;
  /** correlation id (an item, a trade, a request) */
  ref?: string;
  /** where the eddies came from / went, for a transfer between owners (see owners.ts) */
  fromOwner?: string;
  toOwner?: string;
}

const INT_MAX = 2_147_483_647;

export const notEnoughEddies = () =>
  new DomainError('INVALID_STATE', 'balance would go negative', 'Not enough eddies');

export const balanceOverflow = () =>
  new DomainError(
    'INVALID_STATE',
    'balance would overflow',
    'That would exceed the maximum balance',
  );

/**
 * Changes a character's eddies and appends the ledger row, inside the caller's
 * transaction, in one statement (recordCurrencySteps). Returns the balance after.
 */
export async function recordCurrency(tx: Tx, change: CurrencyChange): Promise<number> {
  return recordCurrencySteps(tx, [change]);
}

/**
 * Changes one character's eddies by several steps (a market order's fee, then its
 * escrow) and appends a ledger row for each — and `rows`, the other sides' rows (a
 * holder's), written only with them — in ONE statement: a statement costs a round trip.
 * The update is conditional in SQL (every step's balance within 0 … 2^31−1), so two
 * concurrent spends can never take the balance below zero even without a lock;
 * arithmetic is in bigint so a huge delta is refused instead of overflowing. Refused
 * whole, nothing written. Returns the balance after the last step.
 */
export async function recordCurrencySteps(
  tx: Tx,
  steps: readonly CurrencyChange[],
  rows: readonly LedgerRow[] = [],
): Promise<number> {
  const characterId = steps[0]?.characterId;
  if (characterId === undefined || steps.some((s) => s.characterId !== characterId))
    throw new Error('recordCurrencySteps: steps of one character');
  for (const s of steps)
    if (!Number.isSafeInteger(s.delta)) throw new Error(`recordCurrency: bad delta ${s.delta}`);
  // each step's balance is the balance before plus the deltas up to it
  let sum = 0;
  const prefix = steps.map((s) => (sum += s.delta));
  const total = sum;
  const low = Math.min(0, ...prefix);
  const high = Math.max(0, ...prefix);
  const also = rows.length
    ? Prisma.sql`, also AS (${ledgerRowsInsert(rows, Prisma.sql`EXISTS (SELECT 1 FROM changed)`)})`
    : Prisma.empty;
  const col = <T>(f: (s: CurrencyChange) => T) => steps.map(f);
  const done = await tx.$queryRaw<{ eddies: number }[]>`
    WITH changed AS (
      UPDATE "Character" SET "eddies" = "eddies" + ${total}::int, "updatedAt" = now()
      WHERE "id" = ${characterId}
        AND "eddies"::bigint + ${low}::bigint >= 0
        AND "eddies"::bigint + ${high}::bigint <= ${INT_MAX}::bigint
      RETURNING "eddies"),
    steps AS (
      INSERT INTO "LedgerEntry" ("reason", "characterId", "eddiesDelta", "balanceAfter", "ref",
        "fromOwner", "toOwner")
      SELECT s."reason", ${characterId}::text, s."delta", c."eddies" - ${total}::int + s."prefix",
        s."ref", s."from", s."to"
      FROM changed c, unnest(${col((s) => s.reason)}::text[], ${col((s) => s.delta)}::int[],
        ${prefix}::int[], ${col((s) => s.ref ?? null)}::text[],
        ${col((s) => s.fromOwner ?? null)}::text[], ${col((s) => s.toOwner ?? null)}::text[])
        WITH ORDINALITY AS s("reason", "delta", "prefix", "ref", "from", "to", "n")
      ORDER BY s."n")${also}
    SELECT "eddies" FROM changed`;
  const row = done[0];
  if (!row) {
    // raw: a refusal in a direct transaction is answered without a rerun in Prisma's
    const c = await tx.$queryRaw<unknown[]>`SELECT 1 FROM "Character" WHERE "id" = ${characterId}`;
    if (c.length === 0) throw characterNotFound(characterId);
    if (low < 0) throw notEnoughEddies();
    throw balanceOverflow();
  }
  return row.eddies;
}
