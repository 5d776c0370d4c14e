// A guild bank deposit or withdrawal happens once per idempotency key
// (core/command-receipt.ts): a retry, or two presses at once, answer what the first
// answered — the balances and the day's allowance as it left them — and move nothing
// again; the key with another amount is refused.
import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { depositToGuildBank, withdrawFromGuildBank } from './guild-bank';
import { promoteGuildMember } from './guild-membership';
import { bankOf, char, eddiesOf, expectGuildBalanced, foundGuild, join } from './test-helpers';

const db = testDb(4);
afterAll(() => db.$disconnect());

describe('guild bank, once per key', () => {
  it('a deposit retried, or sent twice at once, moves once and answers the first outcome', async () => {
    const deps = testDeps(db);
    const { leader, guildId } = await foundGuild(deps, 1_000);
    const deposit = { characterId: leader.id, amount: 300, idempotencyKey: uniq('k-') };
    const first = await depositToGuildBank(deps, deposit);
    expect(await depositToGuildBank(deps, deposit)).toEqual(first);
    const twin = { ...deposit, idempotencyKey: uniq('k-') };
    const both = await Promise.all([
      depositToGuildBank(deps, twin),
      depositToGuildBank(deps, twin),
    ]);
    expect(both[1]).toEqual(both[0]);
    expect(await bankOf(db, guildId)).toBe(600);
    expect(await eddiesOf(db, leader)).toBe(400);
    expect(await db.guildBankLog.count({ where: { guildId } })).toBe(2);
    await expect(depositToGuildBank(deps, { ...deposit, amount: 301 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expectGuildBalanced(db, [leader], [guildId]);
  });

  it('a withdrawal retried counts once against the day’s limit and answers what was left then', async () => {
    const deps = testDeps(db);
    const { leader, guildId } = await foundGuild(deps, 5_000);
    const member = await char(db, 0);
    await join(deps, leader, member);
    await promoteGuildMember(deps, { characterId: leader.id, memberId: member.id });
    await depositToGuildBank(deps, {
      characterId: leader.id,
      amount: 5_000,
      idempotencyKey: uniq('k-'),
    });
    const withdraw = { characterId: member.id, amount: 100, idempotencyKey: uniq('k-') };
    const first = await withdrawFromGuildBank(deps, withdraw);
    const retry = await withdrawFromGuildBank(deps, withdraw);
    expect(retry).toEqual(first);
    expect(await eddiesOf(db, member)).toBe(100);
    expect(await bankOf(db, guildId)).toBe(4_900);
    // the key of a withdrawal is not a deposit's
    await expectDomainError(depositToGuildBank(deps, withdraw), 'CONFLICT');
    await expectGuildBalanced(db, [leader, member], [guildId]);
  });
});
