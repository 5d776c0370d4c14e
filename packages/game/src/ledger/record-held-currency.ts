import { Prisma } from '@necp/db';
import type { Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { HOLDERS, type HolderKind } from './holders';
import type { LedgerRow } from './insert-ledger-rows';
import type { LedgerReason } from './reasons';

export interface HeldCurrencyChange {
  /** what holds the eddies: a guild bank, a mail, an auction listing (holders.ts) */
  holder: HolderKind;
  /** the holder's row id */
  id: string;
  reason: LedgerReason;
  /** signed; whole eddies (+ into the holder, − out of it) */
  delta: number;
  /** the other side: a character's owner string, another holder's, or `source:`/`sink:<reason>` */
  counterparty: string;
  /** correlation id shared with the other side's row */
  ref?: string;
}

const INT_MAX = 2_147_483_647;

/**
 * Changes the eddies a holder (a guild bank, a mail, an auction listing) holds and
 * appends the ledger row, inside the caller's transaction — the twin of recordCurrency
 * for everything that holds eddies and is not a character. The row has no characterId
 * and names the holder where the eddies went (toOwner for +, fromOwner for −), which is
 * how checkInvariants sums what each holds. The update is conditional in SQL (never
 * below zero, never past the integer range). Returns what the holder holds after.
 */
export async function recordHeldCurrency(tx: Tx, change: HeldCurrencyChange): Promise<number> {
  const { id, delta } = change;
  const h = HOLDERS[change.holder];
  if (!Number.isSafeInteger(delta) || delta === 0)
    throw new Error(`recordHeldCurrency(${change.holder}): bad delta ${delta}`);
  const table = Prisma.raw(`"${h.table}"`);
  const col = Prisma.raw(`"${h.column}"`);
  // the holder's column and its ledger row in one statement (as recordCurrency)
  const row0 = heldLedgerRow(change, 0);
  const rows = await tx.$queryRaw<{ held: number }[]>`
    WITH changed AS (
      UPDATE ${table} SET ${col} = ${col} + ${delta}::int
      WHERE "id" = ${id}
        AND ${col}::bigint + ${delta}::bigint >= 0
        AND ${col}::bigint + ${delta}::bigint <= ${INT_MAX}::bigint
      RETURNING ${col} AS held)
    INSERT INTO "LedgerEntry" ("reason", "eddiesDelta", "balanceAfter", "fromOwner", "toOwner",
      "ref")
    SELECT ${row0.reason}::text, ${delta}::int, held, ${row0.fromOwner}::text,
      ${row0.toOwner}::text, ${row0.ref ?? null}::text
    FROM changed
    RETURNING "balanceAfter" AS held`;
  const row = rows[0];
  if (!row) {
    const exists = await tx.$queryRaw<unknown[]>`SELECT 1 FROM ${table} WHERE "id" = ${id}`;
    if (exists.length === 0)
      throw new DomainError('NOT_FOUND', `${h.table} ${id} not found`, h.gone);
    throw new DomainError(
      'INVALID_STATE',
      `${h.table} ${id} cannot change by ${delta}`,
      delta < 0 ? h.short : h.full,
    );
  }
  return row.held;
}

/**
 * The ledger row of a holder's change, holding `heldAfter` after it: no characterId, the
 * holder named where the eddies went (toOwner for +, fromOwner for −) — the shape
 * check-held-eddies.ts sums. For writers that set the holder's column themselves under
 * its lock (a row created holding eddies, the market's match batch).
 */
export function heldLedgerRow(change: HeldCurrencyChange, heldAfter: number): LedgerRow {
  const owner = HOLDERS[change.holder].owner(change.id);
  return {
    reason: change.reason,
    eddiesDelta: change.delta,
    balanceAfter: heldAfter,
    fromOwner: change.delta > 0 ? change.counterparty : owner,
    toOwner: change.delta > 0 ? owner : change.counterparty,
    ref: change.ref ?? null,
  };
}
