import { describe, expect, it } from 'vitest';
import { CLASS_IDS, LEADERBOARD_KEYS, PUBLIC_PAGE_PATHS_MAX, isPublicPagePath } from '@necp/shared';
import type { OutboxEvent, OutboxEventType, OutboxPayloads } from '../outbox/events';
import { PUBLIC_PAGE_EVENT_TYPES, pageChangeOf, publicPagePaths } from './public-page-paths';

const ev = <T extends OutboxEventType>(type: T, payload: OutboxPayloads[T]) =>
  ({ id: 1n, type, key: `${type}:1`, payload, createdAt: new Date(0) }) as OutboxEvent;

describe('pageChangeOf', () => {
  it('an arena result: its bracket board and every player of the match', () => {
    const q = pageChangeOf(
      ev('arena.match_finished', { matchId: 'm1', bracket: '3v3', winners: ['a'], losers: ['b'] }),
    );
    expect(q).toEqual({
      boards: ['arena-3v3'],
      characterIds: ['a', 'b'],
      guildIds: [],
      matchId: 'm1',
    });
  });

  it('achievements, levels, guild changes, bans and a season end', () => {
    expect(
      pageChangeOf(
        ev('achievement.earned', { characterId: 'c', achievementIds: ['x'], points: 5 }),
      ),
    ).toMatchObject({ boards: ['achievements'], characterIds: ['c'] });
    expect(
      pageChangeOf(ev('character.leveled', { characterId: 'c', level: 3, previousLevel: 2 })),
    ).toMatchObject({ boards: ['level', 'guilds'], characterIds: ['c'], guildsOfCharacters: true });
    expect(
      pageChangeOf(ev('guild.member_left', { guildId: 'g', characterId: 'c', reason: 'kicked' })),
    ).toEqual({ boards: ['guilds', 'guild-renown'], characterIds: ['c'], guildIds: ['g'] });
    // renown: its board and the guild's page (which shows the season's renown)
    expect(
      pageChangeOf(
        ev('guild.renown_credited', { guildId: 'g', season: 'S1', points: 10, renown: 30 }),
      ),
    ).toEqual({ boards: ['guild-renown'], characterIds: [], guildIds: ['g'] });
    expect(
      pageChangeOf(ev('account.access_changed', { userId: 'u', reason: 'ban' })),
    ).toMatchObject({
      boards: LEADERBOARD_KEYS,
      userId: 'u',
    });
    expect(
      pageChangeOf(ev('account.access_changed', { userId: 'u', reason: 'password' })),
    ).toBeNull();
    expect(pageChangeOf(ev('season.ended', { ended: 'S1', opened: 'S2' }))).toMatchObject({
      boards: 'every',
    });
  });

  it("leaves XP from kills and quests to the pages' minute", () => {
    expect(
      pageChangeOf(
        ev('quest.completed', {
          characterId: 'c',
          questId: 'q',
          periodKey: 'p',
          xp: 10,
          eddies: 0,
        }),
      ),
    ).toBeNull();
    expect(PUBLIC_PAGE_EVENT_TYPES).not.toContain('npc.killed');
  });
});

describe('publicPagePaths', () => {
  it("a board's first page, of every class and of the players' classes, the index and profiles", () => {
    const paths = publicPagePaths({
      boards: ['arena-1v1'],
      players: [
        { name: 'Neo', class: 'solo' },
        { name: 'Trin', class: 'netrunner' },
        { name: 'Morph', class: 'solo' },
      ],
      guildTags: [],
    });
    expect(paths).toEqual([
      '/leaderboards',
      '/leaderboards/arena-1v1',
      '/leaderboards/arena-1v1/solo/1',
      '/leaderboards/arena-1v1/netrunner/1',
      '/players/Neo',
      '/players/Trin',
      '/players/Morph',
    ]);
  });

  it('the guild board has no class pages; guild pages by tag', () => {
    expect(
      publicPagePaths({
        boards: ['guilds'],
        players: [{ name: 'Neo', class: 'solo' }],
        guildTags: ['OWL'],
      }),
    ).toEqual(['/leaderboards', '/leaderboards/guilds', '/players/Neo', '/guilds/OWL']);
  });

  it('a profile alone touches no board page', () => {
    expect(
      publicPagePaths({ boards: [], players: [{ name: 'Neo', class: 'solo' }], guildTags: [] }),
    ).toEqual(['/players/Neo']);
  });

  it('a season end: every board, every class, within one request', () => {
    const paths = publicPagePaths({ boards: 'every', players: [], guildTags: [] });
    for (const board of LEADERBOARD_KEYS) expect(paths).toContain(`/leaderboards/${board}`);
    for (const cls of CLASS_IDS) expect(paths).toContain(`/leaderboards/level/${cls}/1`);
    expect(paths).not.toContain('/leaderboards/guilds/solo/1');
    expect(paths.length).toBeLessThanOrEqual(PUBLIC_PAGE_PATHS_MAX);
  });

  it('every path it names is one the web route accepts', () => {
    const paths = publicPagePaths({
      boards: 'every',
      players: CLASS_IDS.map((c, i) => ({ name: `Runner-${i}x`, class: c })),
      guildTags: ['OWL', 'AB'],
    });
    expect(paths.filter((p) => !isPublicPagePath(p))).toEqual([]);
  });
});
