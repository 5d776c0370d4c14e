import { describe, expect, it } from 'vitest';
import {
  CLASSES,
  LEADERBOARDS,
  LEADERBOARD_KEYS,
  type LeaderboardKey,
  type LeaderboardRow,
} from '@necp/shared';
import {
  aroundHeading,
  boardClass,
  classOptions,
  detailText,
  parseClassOption,
  publicBoardHref,
  rankingsTabs,
  rowView,
  scoreText,
  standingText,
  unrankedText,
} from './rankings-view';

const row = (o: Partial<LeaderboardRow> = {}): LeaderboardRow => ({
  rank: 1,
  position: 1,
  id: 'c1',
  name: 'Vee',
  class: 'solo',
  level: 12,
  guildTag: null,
  title: null,
  value: 12,
  detail: null,
  ...o,
});

const characterBoards = LEADERBOARD_KEYS.filter((k) => LEADERBOARDS[k].subject === 'character');
const guildBoards = LEADERBOARD_KEYS.filter((k) => LEADERBOARDS[k].subject === 'guild');

describe('rankingsTabs', () => {
  it("is one tab per board of the shared registry, in its order, with the board's short name", () => {
    const tabs = rankingsTabs();
    expect(tabs.map((t) => t.key)).toEqual([...LEADERBOARD_KEYS]);
    expect(tabs.find((t) => t.key === 'arena-3v3')).toEqual({
      key: 'arena-3v3',
      label: 'Arena 3v3',
      title: 'Arena 3v3: this season',
    });
    // the boards the window must offer are all there (the registry is the list)
    for (const k of ['level', 'achievements', 'wealth', 'guilds', 'guild-renown', 'arena-1v1'])
      expect(tabs.map((t) => t.key)).toContain(k);
  });
});

describe('class filter', () => {
  it('offers every class after "All classes" on a board that has a filter, nothing on a guild board', () => {
    for (const k of characterBoards) {
      const opts = classOptions(k);
      expect(opts[0]).toEqual({ value: '', label: 'All classes' });
      expect(opts.slice(1).map((o) => o.value)).toEqual(CLASSES.map((c) => c.id));
      expect(opts.find((o) => o.value === 'netrunner')?.label).toBe('Netrunner');
    }
    expect(guildBoards.length).toBeGreaterThan(0);
    for (const k of guildBoards) expect(classOptions(k)).toEqual([]);
  });

  it('reads a board with the chosen class only when it has a filter', () => {
    expect(boardClass('level', 'techie')).toBe('techie');
    expect(boardClass('arena-1v1', null)).toBeNull();
    expect(boardClass('guilds', 'techie')).toBeNull();
    expect(boardClass('guild-renown', 'solo')).toBeNull();
  });

  it("parses the select's value: a class, else every class", () => {
    expect(parseClassOption('medtech')).toBe('medtech');
    expect(parseClassOption('')).toBeNull();
    expect(parseClassOption('wizard')).toBeNull();
  });
});

describe('publicBoardHref', () => {
  it('is the public board page, with the class when one is chosen and the board has a filter', () => {
    expect(publicBoardHref('level', null)).toBe('/leaderboards/level');
    expect(publicBoardHref('achievements', 'netrunner')).toBe(
      '/leaderboards/achievements?class=netrunner',
    );
    expect(publicBoardHref('arena-3v3', 'solo')).toBe('/leaderboards/arena-3v3?class=solo');
    // a guild board has no class filter: the class left over from another tab is dropped
    expect(publicBoardHref('guilds', 'solo')).toBe('/leaderboards/guilds');
    expect(publicBoardHref('guild-renown', null)).toBe('/leaderboards/guild-renown');
  });
});

describe('scores as the boards show them', () => {
  it('shows eddies with ¥ on the wealth board and grouped digits elsewhere', () => {
    expect(scoreText('wealth', 1234567)).toBe('¥1,234,567');
    expect(scoreText('achievements', 1250)).toBe('1,250');
    expect(scoreText('arena-1v1', 1712)).toBe('1,712');
  });

  it("names the board's second number, or none", () => {
    expect(detailText('level', row({ detail: 12400 }))).toBe('12,400 XP');
    expect(detailText('arena-1v1', row({ detail: 5 }))).toBe('5 wins');
    expect(detailText('arena-3v3', row({ detail: 1 }))).toBe('1 win');
    expect(detailText('guilds', row({ detail: 3 }))).toBe('3 members');
    expect(detailText('guilds', row({ detail: 1 }))).toBe('1 member');
    expect(detailText('level', row({ detail: null }))).toBeNull();
    expect(detailText('wealth', row({ detail: 9 }))).toBeNull();
  });
});

describe('rowView', () => {
  it("links a character row to its public profile and marks the character's own row", () => {
    const r = row({ id: 'me', name: 'Neo Vee', class: 'netrunner', rank: 2, detail: 300 });
    expect(rowView('level', r, 'me')).toEqual({
      id: 'me',
      rank: 2,
      name: 'Neo Vee',
      href: '/players/Neo%20Vee',
      classText: 'Netrunner',
      level: 12,
      score: '12',
      detail: '300 XP',
      me: true,
      podium: true,
    });
    expect(rowView('level', r, 'someone-else').me).toBe(false);
    expect(rowView('level', r, null).me).toBe(false);
    expect(rowView('level', row({ rank: 4 }), null).podium).toBe(false);
  });

  it('links a guild row to its guild page by tag, shown as [TAG] Name', () => {
    const g = row({ id: 'g1', name: 'Tyger Claws', class: null, guildTag: 'TYG', level: 3 });
    for (const k of guildBoards) {
      const v = rowView(k, g, 'g1');
      expect(v.name).toBe('[TYG] Tyger Claws');
      expect(v.href).toBe('/guilds/TYG');
      expect(v.classText).toBe('Guild');
      expect(v.level).toBe(3);
      expect(v.me).toBe(true);
    }
    expect(rowView('guilds', row({ guildTag: null, class: null }), null).href).toBeNull();
  });

  it('shows the score as its board does', () => {
    expect(rowView('wealth', row({ value: 5000 }), null).score).toBe('¥5,000');
  });
});

describe('around me', () => {
  it('states the rank of the own row out of the board, or nothing when not ranked', () => {
    expect(standingText({ me: row({ rank: 1234 }), total: 56789 })).toBe('#1,234 of 56,789');
    expect(standingText({ me: null, total: 0 })).toBeNull();
  });

  it('is about you on a character board and about your guild on a guild board', () => {
    for (const k of characterBoards) expect(aroundHeading(k)).toBe('Around you');
    for (const k of guildBoards) expect(aroundHeading(k)).toBe('Around your guild');
  });

  const ctx = { cls: null, ownClass: 'solo', inGuild: true };
  it('says why the character is not on a board', () => {
    expect(unrankedText('level', ctx)).toBe('You are not ranked on this board yet.');
    expect(unrankedText('arena-1v1', ctx)).toBe(
      'You are not ranked on this board yet this season.',
    );
    // another class chosen: the filter hides you
    expect(unrankedText('wealth', { ...ctx, cls: 'techie' })).toBe(
      'You play Solo: this list shows Techie runners only.',
    );
    // your own class chosen: just not ranked
    expect(unrankedText('wealth', { ...ctx, cls: 'solo' })).toBe(
      'You are not ranked on this board yet.',
    );
  });

  it('on a guild board, tells a character in no guild apart from an unranked guild', () => {
    const board: LeaderboardKey = 'guilds';
    expect(unrankedText(board, { ...ctx, inGuild: false })).toBe(
      'You are in no guild: join one to see it ranked here.',
    );
    expect(unrankedText(board, ctx)).toBe('Your guild is not ranked on this board yet.');
    // not known yet: no claim about the guild
    expect(unrankedText('guild-renown', { ...ctx, inGuild: null })).toBe(
      'Your guild is not ranked on this board yet.',
    );
  });
});
