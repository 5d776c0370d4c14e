import { describe, expect, it } from 'vitest';
import {
  GuildBankLogInputSchema,
  GuildCreateInputSchema,
  GuildMotdSchema,
  GuildNameOrTagSchema,
  GuildRankEditInputSchema,
} from './guild';

const ok = (name: string, tag = 'NCP') =>
  GuildCreateInputSchema.safeParse({ characterId: 'c1', name, tag });

describe('guild inputs', () => {
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
    const log = (cursor: string) =>
      GuildBankLogInputSchema.safeParse({ characterId: 'c', guildId: 'g', cursor }).success;
    expect(log('WyIxMjM0NSJd')).toBe(true);
    expect(['', '1:1', 'x'.repeat(401), '1\u0000'].map(log)).toEqual([false, false, false, false]);
  });
});
