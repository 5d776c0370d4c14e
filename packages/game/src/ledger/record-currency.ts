import type { Tx } from '../core/deps';
import { DomainError } from '../core/errors';
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

/**
 * Changes a character's eddies and appends the ledger row, inside the caller's
 * transaction, in one statement. The update is conditional in SQL (`eddies + delta >= 0`), so two
 * concurrent spends can never take the balance below zero even without a lock;
 * arithmetic is in bigint so a huge delta is refused instead of overflowing.
 * Returns the balance after the change.
 */
export async function recordCurrency(tx: Tx, change: CurrencyChange): Promise<number> {
  const { characterId, delta } = change;
  if (!Number.isSafeInteger(delta)) throw new Error(`recordCurrency: bad delta ${delta}`);
  // the balance and its ledger row in one statement (a statement costs CPU on every path)
  const rows = await tx.$queryRaw<{ eddies: number }[]>`
    WITH changed AS (
      UPDATE "Character" SET "eddies" = "eddies" + ${delta}::int, "updatedAt" = now()
      WHERE "id" = ${characterId}
        AND "eddies"::bigint + ${delta}::bigint >= 0
        AND "eddies"::bigint + ${delta}::bigint <= ${INT_MAX}::bigint
      RETURNING "eddies")
    INSERT INTO "LedgerEntry" ("reason", "characterId", "eddiesDelta", "balanceAfter", "ref",
      "fromOwner", "toOwner")
    SELECT ${change.reason}::text, ${characterId}::text, ${delta}::int, "eddies",
      ${change.ref ?? null}::text, ${change.fromOwner ?? null}::text, ${change.toOwner ?? null}::text
    FROM changed
    RETURNING "balanceAfter" AS "eddies"`;
  const row = rows[0];
  if (!row) {
    // raw: a refusal in a direct transaction is answered without a rerun in Prisma's
    const c = await tx.$queryRaw<unknown[]>`SELECT 1 FROM "Character" WHERE "id" = ${characterId}`;
    if (c.length === 0)
      throw new DomainError(
        'NOT_FOUND',
        `character ${characterId} not found`,
        'Character not found',
      );
    if (delta < 0) throw notEnoughEddies();
    throw new DomainError(
      'INVALID_STATE',
      'balance would overflow',
      'That would exceed the maximum balance',
    );
  }
  return row.eddies;
}
