import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { GUILD_DEFAULT_RANKS } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { checkInvariants } from '../ledger/check-invariants';
import { depositToGuildBank, guildBankLog, withdrawFromGuildBank } from './guild-bank';
import { kickFromGuild, promoteGuildMember } from './guild-membership';
import { editGuildRank } from './guild-settings';
import { myGuild } from './read-guild';
import { bankOf, char, eddiesOf, expectGuildBalanced, foundGuild, join } from './test-helpers';

const db = testDb(8);
afterAll(() => db.$disconnect());

const DAY_MS = 86_400_000;
const MEMBER_LIMIT = GUILD_DEFAULT_RANKS[2]!.dailyWithdrawLimit!;

describe('guild bank', () => {
  it('deposit and withdraw move eddies with ledger rows on both sides and a log line', async () => {
    const deps = testDeps(db);
    const { leader, guildId } = await foundGuild(deps, 1_000);
    expect(
      await depositToGuildBank(deps, {
        characterId: leader.id,
        amount: 700,
        idempotencyKey: uniq('k-'),
      }),
    ).toEqual({
      bankEddies: 700,
      eddies: 300,
    });
    expect(
      await withdrawFromGuildBank(deps, {
        characterId: leader.id,
        amount: 200,
        idempotencyKey: uniq('k-'),
      }),
    ).toEqual({
      bankEddies: 500,
      eddies: 500,
      leftToday: null,
    });
    const rows = await db.ledgerEntry.findMany({
      where: {
        reason: 'guild_bank',
        OR: [
          { characterId: leader.id },
          { toOwner: `guild:${guildId}` },
          { fromOwner: `guild:${guildId}` },
        ],
      },
      orderBy: { id: 'asc' },
    });
    expect(
      rows.map((r) => [r.characterId, r.eddiesDelta, r.balanceAfter, r.fromOwner, r.toOwner]),
    ).toEqual([
      [leader.id, -700, 300, `char:${leader.id}`, `guild:${guildId}`],
      [null, 700, 700, `char:${leader.id}`, `guild:${guildId}`],
      [null, -200, 500, `guild:${guildId}`, `char:${leader.id}`],
      [leader.id, 200, 500, `guild:${guildId}`, `char:${leader.id}`],
    ]);
    // both sides of one move share a ref
    expect(rows[0]!.ref).toBe(rows[1]!.ref);
    expect(rows[2]!.ref).toBe(rows[3]!.ref);
    const log = await guildBankLog(deps, { characterId: leader.id, guildId });
    expect(log.items.map((e) => [e.name, e.kind, e.amount, e.balanceAfter, e.at])).toEqual([
      [leader.name, 'withdraw', 200, 500, deps.clock.ms()],
      [leader.name, 'deposit', 700, 700, deps.clock.ms()],
    ]);
    // pages: newest first, then older than the cursor
    const page = await guildBankLog(deps, { characterId: leader.id, guildId, limit: 1 });
    expect(page.items.map((e) => e.kind)).toEqual(['withdraw']);
    const next = { characterId: leader.id, guildId, cursor: page.nextCursor! };
    const rest = await guildBankLog(deps, next);
    expect(rest.items.map((e) => e.kind)).toEqual(['deposit']);
    expect(rest.nextCursor).toBeNull();
    await expectGuildBalanced(db, [leader], [guildId]);
  });

  it('refuses what the balances cannot cover, and non-members; nothing is written', async () => {
    const deps = testDeps(db);
    const { leader, guildId } = await foundGuild(deps, 100);
    await expectDomainError(
      depositToGuildBank(deps, { characterId: leader.id, amount: 101, idempotencyKey: uniq('k-') }),
      'INVALID_STATE',
      'Not enough eddies',
    );
    await depositToGuildBank(deps, {
      characterId: leader.id,
      amount: 100,
      idempotencyKey: uniq('k-'),
    });
    await expectDomainError(
      withdrawFromGuildBank(deps, {
        characterId: leader.id,
        amount: 101,
        idempotencyKey: uniq('k-'),
      }),
      'INVALID_STATE',
      'The guild bank does not hold that much.',
    );
    for (const amount of [0, -5, 1.5, Number.NaN, 2 ** 31])
      await expectDomainError(
        depositToGuildBank(deps, { characterId: leader.id, amount, idempotencyKey: uniq('k-') }),
        'VALIDATION',
      );
    const outsider = await char(db, 50);
    await expectDomainError(
      depositToGuildBank(deps, {
        characterId: outsider.id,
        amount: 10,
        idempotencyKey: uniq('k-'),
      }),
      'INVALID_STATE',
      'You are not in a guild.',
    );
    await expectDomainError(guildBankLog(deps, { characterId: outsider.id, guildId }), 'FORBIDDEN');
    expect(await bankOf(db, guildId)).toBe(100);
    expect(await eddiesOf(db, outsider)).toBe(50);
    expect((await guildBankLog(deps, { characterId: leader.id, guildId })).items).toHaveLength(1);
    await expectGuildBalanced(db, [leader, outsider], [guildId]);
  });

  it('ranks: a recruit deposits but cannot withdraw; a member’s daily limit resets at UTC midnight; a kicked member cannot withdraw', async () => {
    const deps = testDeps(db);
    deps.clock.set(Date.UTC(2026, 10, 24, 23, 0));
    const { leader, guildId } = await foundGuild(deps, 10_000);
    const [recruit, member] = [await char(db, 500), await char(db, 0)];
    await join(deps, leader, recruit);
    await join(deps, leader, member);
    await promoteGuildMember(deps, { characterId: leader.id, memberId: member.id });
    await depositToGuildBank(deps, {
      characterId: leader.id,
      amount: 10_000,
      idempotencyKey: uniq('k-'),
    });

    await depositToGuildBank(deps, {
      characterId: recruit.id,
      amount: 500,
      idempotencyKey: uniq('k-'),
    });
    await expectDomainError(
      withdrawFromGuildBank(deps, {
        characterId: recruit.id,
        amount: 1,
        idempotencyKey: uniq('k-'),
      }),
      'FORBIDDEN',
      'Your rank cannot withdraw from the guild bank.',
    );
    expect((await myGuild(deps, recruit.id))!.withdrawLeftToday).toBe(0);

    expect(
      await withdrawFromGuildBank(deps, {
        characterId: member.id,
        amount: MEMBER_LIMIT - 500,
        idempotencyKey: uniq('k-'),
      }),
    ).toMatchObject({ leftToday: 500 });
    await expectDomainError(
      withdrawFromGuildBank(deps, {
        characterId: member.id,
        amount: 501,
        idempotencyKey: uniq('k-'),
      }),
      'INVALID_STATE',
      'You can withdraw 500 more eddies today.',
    );
    await withdrawFromGuildBank(deps, {
      characterId: member.id,
      amount: 500,
      idempotencyKey: uniq('k-'),
    });
    await expectDomainError(
      withdrawFromGuildBank(deps, {
        characterId: member.id,
        amount: 1,
        idempotencyKey: uniq('k-'),
      }),
      'INVALID_STATE',
      `You have reached your rank's daily limit (${MEMBER_LIMIT} eddies).`,
    );
    // a new UTC day, a new allowance
    deps.clock.advance(DAY_MS / 24);
    expect((await myGuild(deps, member.id))!.withdrawLeftToday).toBe(MEMBER_LIMIT);
    await withdrawFromGuildBank(deps, {
      characterId: member.id,
      amount: 100,
      idempotencyKey: uniq('k-'),
    });

    // the leader lowers the member rank's limit: it holds at once
    const memberRank = (await myGuild(deps, leader.id))!.ranks[2]!;
    await editGuildRank(deps, {
      characterId: leader.id,
      rankId: memberRank.id,
      dailyWithdrawLimit: 100,
    });
    await expectDomainError(
      withdrawFromGuildBank(deps, {
        characterId: member.id,
        amount: 1,
        idempotencyKey: uniq('k-'),
      }),
      'INVALID_STATE',
    );
    await editGuildRank(deps, {
      characterId: leader.id,
      rankId: memberRank.id,
      dailyWithdrawLimit: 1_000,
    });

    await kickFromGuild(deps, { characterId: leader.id, memberId: member.id });
    await expectDomainError(
      withdrawFromGuildBank(deps, {
        characterId: member.id,
        amount: 1,
        idempotencyKey: uniq('k-'),
      }),
      'INVALID_STATE',
      'You are not in a guild.',
    );
    await expectDomainError(guildBankLog(deps, { characterId: member.id, guildId }), 'FORBIDDEN');
    expect(await eddiesOf(db, member)).toBe(MEMBER_LIMIT + 100);
    expect(await bankOf(db, guildId)).toBe(10_500 - MEMBER_LIMIT - 100);
    await expectGuildBalanced(db, [leader, recruit, member], [guildId]);
  });

  it('parallel withdrawals cannot pass the daily limit together', async () => {
    const deps = testDeps(db);
    const { leader, guildId } = await foundGuild(deps, 10_000);
    const member = await char(db);
    await join(deps, leader, member);
    await promoteGuildMember(deps, { characterId: leader.id, memberId: member.id });
    await depositToGuildBank(deps, {
      characterId: leader.id,
      amount: 10_000,
      idempotencyKey: uniq('k-'),
    });
    const step = MEMBER_LIMIT / 4;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        withdrawFromGuildBank(deps, {
          characterId: member.id,
          amount: step,
          idempotencyKey: uniq('k-'),
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    expect(await eddiesOf(db, member)).toBe(MEMBER_LIMIT);
    await expectGuildBalanced(db, [leader, member], [guildId]);
  });

  it('conservation: many concurrent deposits and withdrawals by several members add up', async () => {
    const deps = testDeps(db);
    const START = 20_000;
    const { leader, guildId } = await foundGuild(deps, START);
    const officers = await Promise.all(Array.from({ length: 4 }, () => char(db, START)));
    for (const o of officers) {
      await join(deps, leader, o);
      await promoteGuildMember(deps, { characterId: leader.id, memberId: o.id });
      await promoteGuildMember(deps, { characterId: leader.id, memberId: o.id });
    }
    const everyone = [leader, ...officers];
    await depositToGuildBank(deps, {
      characterId: leader.id,
      amount: 5_000,
      idempotencyKey: uniq('k-'),
    });
    const total = async () =>
      (await Promise.all(everyone.map((c) => eddiesOf(db, c)))).reduce((a, b) => a + b, 0) +
      (await bankOf(db, guildId));
    const before = await total();
    expect(before).toBe(START * 5);

    const ops = Array.from({ length: 60 }, (_, i) => {
      const who = everyone[i % everyone.length]!;
      const amount = 100 + ((i * 37) % 900);
      return i % 3 === 0
        ? withdrawFromGuildBank(deps, { characterId: who.id, amount, idempotencyKey: uniq('k-') })
        : depositToGuildBank(deps, { characterId: who.id, amount, idempotencyKey: uniq('k-') });
    });
    const results = await Promise.allSettled(ops);
    const failures = results.filter((r) => r.status === 'rejected');
    // refusals are possible only for the rules (limits, balances), never for a lost race
    for (const f of failures)
      expect(((f as PromiseRejectedResult).reason as Error).name).toBe('DomainError');
    const withdrawn = results.filter((r) => r.status === 'fulfilled' && 'leftToday' in r.value);
    expect(withdrawn.length).toBeGreaterThan(0);
    expect(await total()).toBe(before);
    const logged = await db.guildBankLog.count({ where: { guildId } });
    expect(logged).toBe(1 + results.length - failures.length);
    await expectGuildBalanced(db, everyone, [guildId]);
    // and the bank's log ends at the bank's balance
    const [last] = (await guildBankLog(deps, { characterId: leader.id, guildId, limit: 1 })).items;
    expect(last!.balanceAfter).toBe(await bankOf(db, guildId));
  });

  it('checkInvariants catches a guild balance changed behind the ledger’s back', async () => {
    const deps = testDeps(db);
    const { leader, guildId } = await foundGuild(deps, 300);
    await depositToGuildBank(deps, {
      characterId: leader.id,
      amount: 300,
      idempotencyKey: uniq('k-'),
    });
    await db.guild.update({ where: { id: guildId }, data: { bankEddies: 305 } });
    expect(await checkInvariants(db, { characterIds: [leader.id], guildIds: [guildId] })).toEqual([
      { kind: 'guild_eddies', id: guildId, ledger: 300, actual: 305 },
    ]);
    // scoped to other guilds it is not reported
    expect(await checkInvariants(db, { characterIds: [leader.id] })).toEqual([]);
    await db.guild.update({ where: { id: guildId }, data: { bankEddies: 300 } });
    await expectGuildBalanced(db, [leader], [guildId]);
  });
});
