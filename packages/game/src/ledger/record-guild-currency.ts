import type { Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { guildOwner } from './owners';
import type { LedgerReason } from './reasons';

export interface GuildCurrencyChange {
  reason: LedgerReason;
  guildId: string;
  /** signed; whole eddies (+ into the guild bank, − out of it) */
  delta: number;
  /** the other side (a character's owner string) */
  counterparty: string;
  /** correlation id shared with the other side's row */
  ref?: string;
}

const INT_MAX = 2_147_483_647;

/**
 * Changes a guild bank's eddies and appends the ledger row, inside the caller's
 * transaction — the guild twin of recordCurrency. The row has no characterId and
 * names the guild where the eddies went (toOwner for + and fromOwner for −), which
 * is how checkInvariants sums a guild's balance. The update is conditional in SQL
 * (never below zero, never past the integer range). Returns the balance after.
 */
export async function recordGuildCurrency(tx: Tx, change: GuildCurrencyChange): Promise<number> {
  const { guildId, delta } = change;
  if (!Number.isSafeInteger(delta) || delta === 0)
    throw new Error(`recordGuildCurrency: bad delta ${delta}`);
  const rows = await tx.$queryRaw<{ bankEddies: number }[]>`
    UPDATE "Guild" SET "bankEddies" = "bankEddies" + ${delta}::int
    WHERE "id" = ${guildId}
      AND "bankEddies"::bigint + ${delta}::bigint >= 0
      AND "bankEddies"::bigint + ${delta}::bigint <= ${INT_MAX}::bigint
    RETURNING "bankEddies"`;
  const row = rows[0];
  if (!row) {
    const g = await tx.guild.findUnique({ where: { id: guildId }, select: { id: true } });
    if (!g) throw new DomainError('NOT_FOUND', `guild ${guildId} not found`, 'Guild not found');
    if (delta < 0)
      throw new DomainError(
        'INVALID_STATE',
        'guild bank would go negative',
        'The guild bank does not hold that much.',
      );
    throw new DomainError(
      'INVALID_STATE',
      'guild bank would overflow',
      'The guild bank cannot hold that much.',
    );
  }
  const guild = guildOwner(guildId);
  await tx.$executeRaw`
    INSERT INTO "LedgerEntry" ("reason", "eddiesDelta", "balanceAfter", "fromOwner", "toOwner", "ref")
    VALUES (${change.reason}, ${delta}, ${row.bankEddies},
      ${delta > 0 ? change.counterparty : guild}, ${delta > 0 ? guild : change.counterparty},
      ${change.ref ?? null})`;
  return row.bankEddies;
}
