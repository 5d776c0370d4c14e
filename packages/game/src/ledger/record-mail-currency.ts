import type { Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { mailOwner } from './owners';
import type { LedgerReason } from './reasons';

export interface MailCurrencyChange {
  reason: LedgerReason;
  mailId: string;
  /** signed; whole eddies (+ into the mail, − out of it) */
  delta: number;
  /** the other side: a character's owner string, or `source:`/`sink:<reason>` */
  counterparty: string;
  /** correlation id shared with the other side's row (the mail id) */
  ref?: string;
}

const INT_MAX = 2_147_483_647;

/**
 * Changes the eddies a mail holds and appends the ledger row, inside the caller's
 * transaction — the mail twin of recordCurrency (and of recordGuildCurrency). The
 * row has no characterId and names the mail where the eddies went (toOwner for +,
 * fromOwner for −), which is how checkInvariants sums what a mail holds. The update
 * is conditional in SQL (never below zero). Returns what the mail holds after.
 */
export async function recordMailCurrency(tx: Tx, change: MailCurrencyChange): Promise<number> {
  const { mailId, delta } = change;
  if (!Number.isSafeInteger(delta) || delta === 0)
    throw new Error(`recordMailCurrency: bad delta ${delta}`);
  const rows = await tx.$queryRaw<{ eddies: number }[]>`
    UPDATE "Mail" SET "eddies" = "eddies" + ${delta}::int
    WHERE "id" = ${mailId}
      AND "eddies"::bigint + ${delta}::bigint >= 0
      AND "eddies"::bigint + ${delta}::bigint <= ${INT_MAX}::bigint
    RETURNING "eddies"`;
  const row = rows[0];
  if (!row)
    throw new DomainError('CONFLICT', `mail ${mailId} cannot change by ${delta}`, 'That is gone.');
  const mail = mailOwner(mailId);
  await tx.$executeRaw`
    INSERT INTO "LedgerEntry" ("reason", "eddiesDelta", "balanceAfter", "fromOwner", "toOwner", "ref")
    VALUES (${change.reason}, ${delta}, ${row.eddies},
      ${delta > 0 ? change.counterparty : mail}, ${delta > 0 ? mail : change.counterparty},
      ${change.ref ?? null})`;
  return row.eddies;
}
