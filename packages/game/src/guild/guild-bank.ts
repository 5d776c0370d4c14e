/**
 * The guild bank (eddies): a deposit or a withdrawal is one transaction — the
 * member's character row, then the guild's (core/lock-order.ts 2 → 2b); both
 * balances change by conditional UPDATEs, each side writes its ledger row (reason
 * `guild_bank`, one shared ref), and the append-only bank log gets a line. A
 * withdrawal counts against the member's rank limit for the UTC day, summed from
 * the log under the guild lock, so parallel withdrawals cannot pass it together.
 * The same idempotency key again answers what the first answered: nothing moved twice.
 */
import {
  GUILD_BANK_LOG_PAGE,
  GuildBankInputSchema,
  GuildBankLogInputSchema,
  guildDayStart,
  withdrawAllowance,
  type GuildBankInput,
  type GuildBankLogInput,
  type Page,
} from '@necp/shared';
import { z } from 'zod';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { BigIdPart, decodeCursor, pageOf } from '../core/page-cursor';
import { parseInput } from '../core/validation';
import { onceByKey } from '../core/command-receipt';
import { lockCharacter } from '../core/row-locks';
import { charOwner, guildOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { recordHeldCurrency } from '../ledger/record-held-currency';
import { newLedgerRef } from '../ledger/ref';
import { lockedActor, requirePermission } from './guild-access';
import { requireMemberOf } from './read-guild';
import { inTransaction } from '../core/transaction';

export interface GuildBankResult {
  /** the guild bank's balance after */
  bankEddies: number;
  /** the character's eddies after */
  eddies: number;
}

/** What a deposit or a withdrawal answers, kept for a retry of its key as the first said it. */
const DepositKept = z.object({ bankEddies: z.int(), eddies: z.int() });
const WithdrawKept = DepositKept.extend({ leftToday: z.int().nullable() });

/** Eddies a member withdrew from this guild since the start of today (UTC). */
async function withdrawnToday(
  tx: Tx,
  guildId: string,
  characterId: string,
  now: Date,
): Promise<number> {
  const r = await tx.guildBankLog.aggregate({
    where: { guildId, characterId, kind: 'withdraw', createdAt: { gte: guildDayStart(now) } },
    _sum: { amount: true },
  });
  return r._sum.amount ?? 0;
}

/** Character → guild bank (your rank must allow depositing). */
export async function depositToGuildBank(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: GuildBankInput,
): Promise<GuildBankResult> {
  const parsed = parseInput(GuildBankInputSchema, input);
  const { characterId, amount } = parsed;
  return inTransaction(deps.db, async (tx) => {
    const me = await lockCharacter(tx, characterId);
    const once = await onceByKey(tx, 'guild.deposit', parsed, DepositKept, async () => {
      const actor = await lockedActor(tx, characterId);
      requirePermission(actor.rank, 'deposit');
      const ref = newLedgerRef();
      const guild = guildOwner(actor.guild.id);
      const eddies = await recordCurrency(tx, {
        reason: 'guild_bank',
        characterId,
        delta: -amount,
        ref,
        fromOwner: charOwner(characterId),
        toOwner: guild,
      });
      const bankEddies = await recordHeldCurrency(tx, {
        holder: 'guild',
        reason: 'guild_bank',
        id: actor.guild.id,
        delta: amount,
        counterparty: charOwner(characterId),
        ref,
      });
      await tx.guildBankLog.create({
        data: {
          guildId: actor.guild.id,
          characterId,
          characterName: me.name,
          kind: 'deposit',
          amount,
          balanceAfter: bankEddies,
          createdAt: deps.clock.now(),
        },
      });
      return { bankEddies, eddies };
    });
    return once.outcome;
  });
}

/** Guild bank → character, within your rank's daily limit. */
export async function withdrawFromGuildBank(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: GuildBankInput,
): Promise<GuildBankResult & { leftToday: number | null }> {
  const parsed = parseInput(GuildBankInputSchema, input);
  const { characterId, amount } = parsed;
  return inTransaction(deps.db, async (tx) => {
    const me = await lockCharacter(tx, characterId);
    const once = await onceByKey(tx, 'guild.withdraw', parsed, WithdrawKept, async () => {
      const actor = await lockedActor(tx, characterId);
      requirePermission(actor.rank, 'withdraw');
      const now = deps.clock.now();
      const used = await withdrawnToday(tx, actor.guild.id, characterId, now);
      const left = withdrawAllowance(actor.rank, used);
      if (left !== null && amount > left)
        throw new DomainError(
          'INVALID_STATE',
          'guild daily withdraw limit',
          left === 0
            ? `You have reached your rank's daily limit (${actor.rank.dailyWithdrawLimit ?? 0} eddies).`
            : `You can withdraw ${left} more eddies today.`,
        );
      const ref = newLedgerRef();
      const bankEddies = await recordHeldCurrency(tx, {
        holder: 'guild',
        reason: 'guild_bank',
        id: actor.guild.id,
        delta: -amount,
        counterparty: charOwner(characterId),
        ref,
      });
      const eddies = await recordCurrency(tx, {
        reason: 'guild_bank',
        characterId,
        delta: amount,
        ref,
        fromOwner: guildOwner(actor.guild.id),
        toOwner: charOwner(characterId),
      });
      await tx.guildBankLog.create({
        data: {
          guildId: actor.guild.id,
          characterId,
          characterName: me.name,
          kind: 'withdraw',
          amount,
          balanceAfter: bankEddies,
          createdAt: now,
        },
      });
      return { bankEddies, eddies, leftToday: left === null ? null : left - amount };
    });
    return once.outcome;
  });
}

export interface GuildBankLogEntry {
  /** the row id (a bigint, as text) */
  id: string;
  characterId: string;
  name: string;
  kind: 'deposit' | 'withdraw';
  amount: number;
  balanceAfter: number;
  at: number;
}

/** The bank log, newest first, a page at a time (members only). */
export async function guildBankLog(
  deps: Pick<GameDeps, 'db'>,
  input: GuildBankLogInput,
): Promise<Page<GuildBankLogEntry>> {
  const {
    characterId,
    guildId,
    cursor,
    limit = GUILD_BANK_LOG_PAGE,
  } = parseInput(GuildBankLogInputSchema, input);
  await requireMemberOf(deps, characterId, guildId);
  const before = cursor === undefined ? undefined : decodeCursor(cursor, BankLogKey)[0];
  const rows = await deps.db.guildBankLog.findMany({
    where: { guildId, ...(before ? { id: { lt: BigInt(before) } } : {}) },
    orderBy: { id: 'desc' },
    take: limit + 1,
  });
  return pageOf(
    rows,
    limit,
    (r) => [r.id.toString()],
    (r) => ({
      id: r.id.toString(),
      characterId: r.characterId,
      name: r.characterName,
      kind: r.kind === 'withdraw' ? 'withdraw' : 'deposit',
      amount: r.amount,
      balanceAfter: r.balanceAfter,
      at: r.createdAt.getTime(),
    }),
  );
}

/** A bank log page's end: its last row's id (core/page-cursor.ts). */
const BankLogKey = z.tuple([BigIdPart]);
