import { describe, expect, it } from 'vitest';
import { QUESTS } from '../content/quests';
import { loginRewardFor } from '../rules/login-rewards';
import {
  GUILD_CREATE_FEE,
  GUILD_DEFAULT_RANKS,
  GUILD_MEMBERS_MAX,
  GuildBankLogInputSchema,
  GuildCreateInputSchema,
  GuildMotdSchema,
  GuildNameOrTagSchema,
  GuildRankEditInputSchema,
  guildDayStart,
  guildLevel,
  withdrawAllowance,
} from './guild-rules';

const ok = (name: string, tag = 'NCP') =>
  GuildCreateInputSchema.safeParse({ characterId: 'c1', name, tag });

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

  it('names and tags: shape, trimming, upper-case tags; NUL, control characters and lone surrogates refused', () => {
    expect(ok('  Night Owls ', 'nOwL').data).toMatchObject({ name: 'Night Owls', tag: 'NOWL' });
    expect(ok("Jackie's Crew-2").success).toBe(true);
    for (const name of [
      'ab',
      'x'.repeat(25),
      'Two  Spaces',
      '-Dash',
      '1234',
      'Nul\u0000Name',
      'Bell\u0007Name',
      'Tab\tName',
      'Lone\uD83DName',
      'Émile Crew',
      'y'.repeat(100_000),
    ])
      expect(ok(name).success, JSON.stringify(name.slice(0, 20))).toBe(false);
    for (const tag of ['A', 'ABCDEF', 'AB1', 'A B', 'A\u0000B', '\uDE42AB'])
      expect(ok('Fine Name', tag).success, tag).toBe(false);
    expect(GuildNameOrTagSchema.safeParse('ncp').success).toBe(true);
    expect(GuildNameOrTagSchema.safeParse('n\u0000p').success).toBe(false);
  });

  it('motd and rank edits refuse bad text; cursors are digits', () => {
    expect(GuildMotdSchema.safeParse('Line one\nLine two').success).toBe(true);
    for (const motd of ['a\u0000', 'a\u001b[31m', 'x\uD800', 'm'.repeat(501)])
      expect(GuildMotdSchema.safeParse(motd).success).toBe(false);
    const edit = (o: object) =>
      GuildRankEditInputSchema.safeParse({ characterId: 'c', rankId: 'r', ...o }).success;
    expect(edit({ name: 'Veteran', permissions: { kick: true }, dailyWithdrawLimit: null })).toBe(
      true,
    );
    expect(edit({ permissions: { fly: true } })).toBe(false);
    expect(edit({ dailyWithdrawLimit: -1 })).toBe(false);
    expect(edit({ name: '' })).toBe(false);
    const log = (before: string) =>
      GuildBankLogInputSchema.safeParse({ characterId: 'c', guildId: 'g', before }).success;
    expect(log('12345')).toBe(true);
    expect(['0', '-1', '1:1', '9'.repeat(30), '1\u0000'].map(log)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
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
