import { describe, expect, it } from 'vitest';
import { QUESTS } from '../content/quests';
import { loginRewardFor } from '../rules/login-rewards';
import {
  GUILD_CREATE_FEE,
  GUILD_DEFAULT_RANKS,
  GUILD_MEMBERS_MAX,
  guildDayStart,
  guildLevel,
  withdrawAllowance,
} from './guild-rules';

describe('guild rules', () => {
  it('level grows with members, 1 to 5', () => {
    expect([1, 9, 10, 24, 25, 49, 50, 99, GUILD_MEMBERS_MAX].map(guildLevel)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5,
    ]);
    expect(guildLevel(0)).toBe(1);
  });

  it('withdraw allowance: none without the permission, null without a limit, never negative', () => {
    expect(withdrawAllowance({ canWithdraw: false, dailyWithdrawLimit: null }, 0)).toBe(0);
    expect(withdrawAllowance({ canWithdraw: true, dailyWithdrawLimit: null }, 10 ** 9)).toBeNull();
    expect(withdrawAllowance({ canWithdraw: true, dailyWithdrawLimit: 500 }, 200)).toBe(300);
    expect(withdrawAllowance({ canWithdraw: true, dailyWithdrawLimit: 500 }, 900)).toBe(0);
  });

  it('the day of a limit starts at midnight UTC', () => {
    expect(guildDayStart(new Date('2026-11-24T23:59:59.999Z')).toISOString()).toBe(
      '2026-11-24T00:00:00.000Z',
    );
    expect(guildDayStart(new Date('2026-11-25T00:00:00.000Z')).toISOString()).toBe(
      '2026-11-25T00:00:00.000Z',
    );
  });

  it('default ranks: the leader has everything and no limit, the recruit cannot withdraw', () => {
    expect(GUILD_DEFAULT_RANKS.map((r) => r.name)).toEqual([
      'Leader',
      'Officer',
      'Member',
      'Recruit',
    ]);
    expect(Object.values(GUILD_DEFAULT_RANKS[0]!.permissions).every(Boolean)).toBe(true);
    expect(GUILD_DEFAULT_RANKS[0]!.dailyWithdrawLimit).toBeNull();
    expect(GUILD_DEFAULT_RANKS[3]!.permissions.withdraw).toBe(false);
  });
});

describe('guild founding in a first evening', () => {
  it('the day-1 login reward and the level 1–2 quests pay the fee (kills not counted)', () => {
    const quests = QUESTS.filter((q) => q.level <= 2 && q.prerequisites.level <= 2);
    const earned = loginRewardFor(1).eddies + quests.reduce((sum, q) => sum + q.rewards.eddies, 0);
    expect(quests.length).toBeGreaterThanOrEqual(3);
    expect(earned).toBeGreaterThanOrEqual(GUILD_CREATE_FEE);
  });
});
