import { afterAll, describe, expect, it } from 'vitest';
import { LOGIN_REWARD_CYCLE } from '@necp/shared';
import { domainError, expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import {
  expectBalanced,
  give,
  holdings,
  newPlayer,
  secondCharacter,
} from '../inventory/test-helpers';
import { claimLoginReward } from './claim-login-reward';
import { getDailyStatus } from './get-daily-status';

const db = testDb(8);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

const DAY = 86_400_000;
/** Wed 2031-01-01 12:00 UTC (2031-01-06 is a Monday) */
const WED_NOON = Date.UTC(2031, 0, 1, 12);
const eddiesOf = async (characterId: string) =>
  (await db.character.findUniqueOrThrow({ where: { id: characterId } })).eddies;

describe('daily login reward', () => {
  it('pays the first claim, then refuses a second one the same UTC day from any character of the account', async () => {
    deps.clock.set(WED_NOON);
    const p = await newPlayer(db);
    const alt = await secondCharacter(db, p);
    let s = await getDailyStatus(deps, p.userId);
    expect(s).toEqual({
      canClaim: true,
      streak: 1,
      cycle: [
        { eddies: 50 },
        { eddies: 75 },
        {
          eddies: 50,
          item: { templateId: 'stim_basic', name: 'MaxDoc Stim', rarity: 'common', quantity: 3 },
        },
        { eddies: 150 },
        {
          eddies: 100,
          item: {
            templateId: 'inhaler_bounce_back',
            name: 'Bounce Back Inhaler',
            rarity: 'uncommon',
            quantity: 2,
          },
        },
        { eddies: 250 },
        {
          eddies: 400,
          item: { templateId: 'stim_basic', name: 'MaxDoc Stim', rarity: 'common', quantity: 10 },
        },
      ],
      cycleDay: 1,
      nextDailyReset: Date.UTC(2031, 0, 2),
      nextWeeklyReset: Date.UTC(2031, 0, 6),
    });
    const r = await claimLoginReward(deps, p.ref);
    expect(r.streak).toBe(1);
    expect(r.reward).toEqual({ eddies: 50 });
    expect(r.status).toMatchObject({ canClaim: false, streak: 1, cycleDay: 1 });
    expect(await eddiesOf(p.characterId)).toBe(50);
    const rows = await db.ledgerEntry.findMany({ where: { characterId: p.characterId } });
    expect(rows.map((x) => [x.reason, x.eddiesDelta, x.balanceAfter])).toEqual([['login', 50, 50]]);
    expect(await db.loginReward.findUniqueOrThrow({ where: { userId: p.userId } })).toMatchObject({
      lastDayKey: 'd:2031-01-01',
      streak: 1,
      claims: 1,
    });

    s = await getDailyStatus(deps, alt.userId);
    expect(s).toMatchObject({ canClaim: false, streak: 1 });
    deps.clock.set(Date.UTC(2031, 0, 2) - 1); // 23:59:59.999: still the same day
    for (const who of [p, alt])
      await expectDomainError(claimLoginReward(deps, who.ref), 'CONFLICT', 'Already claimed today');
    expect(await eddiesOf(alt.characterId)).toBe(0);
    await expectBalanced(db, [p, alt]);
  });

  it('pays once when several characters of the account claim at the same time', async () => {
    deps.clock.set(WED_NOON + 7 * DAY);
    const p = await newPlayer(db);
    const alts = [p, await secondCharacter(db, p), await secondCharacter(db, p)];
    // twice from each character: six concurrent claims, one account
    const results = await Promise.allSettled(
      [...alts, ...alts].map((c) => claimLoginReward(deps, c.ref)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') {
        const e = await domainError(Promise.reject(r.reason));
        expect([e.code, e.userMessage]).toEqual(['CONFLICT', 'Already claimed today']);
      }
    const paid = await db.ledgerEntry.count({
      where: { reason: 'login', characterId: { in: alts.map((a) => a.characterId) } },
    });
    expect(paid).toBe(1);
    expect(await db.loginReward.findUniqueOrThrow({ where: { userId: p.userId } })).toMatchObject({
      streak: 1,
      claims: 1,
    });
    await expectBalanced(db, alts);
  });

  it('adds one to the streak on the next UTC day, restarts after a missed day, wraps the 7-day cycle', async () => {
    const start = Date.UTC(2032, 0, 1, 23, 59, 59, 999);
    const p = await newPlayer(db);
    const paid: number[] = [];
    // 23:59:59.999 on day 1, then 00:00:00.000 on each next day
    deps.clock.set(start);
    for (let d = 0; d < 9; d++) {
      if (d > 0) deps.clock.set(Date.UTC(2032, 0, 1 + d));
      const before = await getDailyStatus(deps, p.userId);
      expect(before).toMatchObject({ canClaim: true, streak: d + 1, cycleDay: (d % 7) + 1 });
      const r = await claimLoginReward(deps, p.ref);
      expect(r.streak).toBe(d + 1);
      paid.push(r.reward.eddies);
    }
    expect(paid).toEqual([...LOGIN_REWARD_CYCLE.map((c) => c.eddies), 50, 75]);
    expect(await holdings(db, [p])).toEqual({ stim_basic: 13, inhaler_bounce_back: 2 });
    const items = await db.ledgerEntry.findMany({
      where: { reason: 'login', toOwner: `char:${p.characterId}` },
    });
    expect(items.every((x) => x.fromOwner === 'source:login')).toBe(true);

    // day 11 after a missed day 10: back to day 1 of the cycle
    deps.clock.set(Date.UTC(2032, 0, 11, 8));
    expect(await getDailyStatus(deps, p.userId)).toMatchObject({
      canClaim: true,
      streak: 1,
      cycleDay: 1,
    });
    const r = await claimLoginReward(deps, p.ref);
    expect([r.streak, r.reward.eddies]).toEqual([1, 50]);
    expect(await db.loginReward.findUniqueOrThrow({ where: { userId: p.userId } })).toMatchObject({
      lastDayKey: 'd:2032-01-11',
      streak: 1,
      claims: 10,
    });
    await expectBalanced(db, [p]);
  });

  it('changes nothing when the bag has no room for the reward item', async () => {
    deps.clock.set(Date.UTC(2033, 0, 1, 12));
    const p = await newPlayer(db, { bagSlots: 1 });
    await claimLoginReward(deps, p.ref); // day 1: eddies only
    deps.clock.set(Date.UTC(2033, 0, 2, 12));
    await claimLoginReward(deps, p.ref); // day 2
    deps.clock.set(Date.UTC(2033, 0, 3, 12));
    await give(db, p, 'pistol_unity'); // fills the only slot
    const before = await db.loginReward.findUniqueOrThrow({ where: { userId: p.userId } });
    await expectDomainError(
      claimLoginReward(deps, p.ref),
      'INVALID_STATE',
      "Your bag is full: make room for today's reward, then claim it",
    );
    expect(await db.loginReward.findUniqueOrThrow({ where: { userId: p.userId } })).toEqual(before);
    expect(await eddiesOf(p.characterId)).toBe(125);
    expect(await getDailyStatus(deps, p.userId)).toMatchObject({
      canClaim: true,
      streak: 3,
      cycleDay: 3,
    });
    // room made: day 3 pays the stims
    await db.character.update({ where: { id: p.characterId }, data: { bagSlots: 2 } });
    const r = await claimLoginReward(deps, p.ref);
    expect(r.reward.item).toMatchObject({ templateId: 'stim_basic', quantity: 3 });
    expect(await holdings(db, [p])).toEqual({ pistol_unity: 1, stim_basic: 3 });
    await expectBalanced(db, [p]);
  });

  // the API checks the caller owns the character (characterProcedure); the claim also holds
  // the account and the character it pays together, under the character's lock
  it("refuses a claim for another account's or a deleted character, and bad input", async () => {
    deps.clock.set(Date.UTC(2034, 0, 1, 12));
    const p = await newPlayer(db);
    const other = await newPlayer(db);
    const theirs = { userId: p.userId, characterId: other.characterId };
    await expectDomainError(claimLoginReward(deps, theirs), 'NOT_FOUND', 'Character not found');
    expect(
      await db.loginReward.count({ where: { userId: { in: [p.userId, other.userId] } } }),
    ).toBe(0);
    await db.character.update({ where: { id: p.characterId }, data: { deletedAt: new Date() } });
    await expectDomainError(claimLoginReward(deps, p.ref), 'NOT_FOUND');
    for (const bad of [
      { userId: p.userId, characterId: '' },
      { userId: p.userId },
      { userId: p.userId, characterId: 'x'.repeat(65) },
    ]) {
      await expectDomainError(claimLoginReward(deps, bad as never), 'VALIDATION');
    }
    expect(
      await db.ledgerEntry.count({
        where: { characterId: { in: [p.characterId, other.characterId] } },
      }),
    ).toBe(0);
  });
});
