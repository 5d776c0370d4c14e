import { describe, expect, it } from 'vitest';
import { GUILD_DEFAULT_RANKS, GUILD_PERMISSIONS, type GuildPermission } from '@necp/shared';
import {
  bankLogText,
  can,
  dateText,
  disbandConfirmed,
  eddiesText,
  expiresText,
  guildTitle,
  limitInput,
  limitText,
  mayWithdraw,
  memberActions,
  membersText,
  nextLevelAt,
  onlineCount,
  PERMISSION_COLUMNS,
  parseAmount,
  parseLimit,
  publicGuildPath,
  renownText,
  rankDraft,
  rankEdit,
  rankNameAt,
  sortRanks,
  sortRoster,
  withRank,
  withdrawText,
  type MyGuild,
  type RosterMember,
} from './guild-view';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);

const ranks: MyGuild['ranks'] = GUILD_DEFAULT_RANKS.map((r, position) => ({
  id: `r${position}`,
  position,
  name: r.name,
  permissions: r.permissions,
  dailyWithdrawLimit: r.dailyWithdrawLimit,
}));

/** my guild as a member of rank `position` */
const asRank = (position: number, patch: Partial<MyGuild> = {}): MyGuild => ({
  id: 'g1',
  name: 'Night Owls',
  tag: 'OWL',
  level: 1,
  memberCount: 4,
  motd: '',
  bankEddies: 0,
  foundedAt: NOW,
  ranks,
  rank: ranks[position]!,
  withdrawLeftToday: ranks[position]!.dailyWithdrawLimit,
  seasonRenown: { season: 'S1', renown: 0 },
  ...patch,
});

const member = (p: Partial<RosterMember> & Pick<RosterMember, 'id' | 'name'>): RosterMember => ({
  level: 3,
  class: 'solo',
  rankId: 'r3',
  rankName: 'Recruit',
  rankPosition: 3,
  status: 'offline',
  zoneId: 'watson',
  lastSeenAt: NOW - 60_000,
  joinedAt: NOW - 3_600_000,
  ...p,
});

describe('sortRoster', () => {
  it('puts online first, then AFK, then offline; higher ranks first, then by name', () => {
    const sorted = sortRoster([
      member({ id: '1', name: 'zed', status: 'offline', rankPosition: 0 }),
      member({ id: '2', name: 'Bo', status: 'afk', rankPosition: 3 }),
      member({ id: '3', name: 'Cy', status: 'online', rankPosition: 3 }),
      member({ id: '4', name: 'amy', status: 'online', rankPosition: 3 }),
      member({ id: '5', name: 'Al', status: 'online', rankPosition: 1 }),
      member({ id: '6', name: 'Ann', status: 'offline', rankPosition: 2 }),
    ]);
    expect(sorted.map((m) => m.name)).toEqual(['Al', 'amy', 'Cy', 'Bo', 'zed', 'Ann']);
  });

  it('leaves its input alone and counts who is on', () => {
    const input = [
      member({ id: '1', name: 'B', status: 'afk' }),
      member({ id: '2', name: 'A', status: 'online' }),
      member({ id: '3', name: 'C' }),
    ];
    sortRoster(input);
    expect(input.map((m) => m.name)).toEqual(['B', 'A', 'C']);
    expect(onlineCount(input)).toBe(2);
  });
});

describe('memberActions', () => {
  const me = (position: number) => ({ id: 'me', guild: asRank(position) });
  const at = (rankPosition: number) => ({ id: 'x', rankPosition });

  it('the leader: promote up to Officer, demote down to Recruit, kick anyone, hand over the lead', () => {
    expect(memberActions(me(0), at(1))).toEqual({
      promote: false, // Officer → Leader is a hand-over, not a promotion
      demote: true,
      kick: true,
      lead: true,
    });
    expect(memberActions(me(0), at(2))).toEqual({
      promote: true,
      demote: true,
      kick: true,
      lead: true,
    });
    expect(memberActions(me(0), at(3))).toEqual({
      promote: true,
      demote: false, // already the lowest
      kick: true,
      lead: true,
    });
  });

  it('an Officer reaches only ranks below its own and promotes up to the rank below it', () => {
    expect(memberActions(me(1), at(0))).toEqual({
      promote: false,
      demote: false,
      kick: false,
      lead: false,
    });
    expect(memberActions(me(1), at(1))).toEqual({
      promote: false,
      demote: false,
      kick: false,
      lead: false,
    });
    expect(memberActions(me(1), at(2))).toEqual({
      promote: false,
      demote: true,
      kick: true,
      lead: false,
    });
    expect(memberActions(me(1), at(3))).toEqual({
      promote: true,
      demote: false,
      kick: true,
      lead: false,
    });
  });

  it('a Member or a Recruit (no kick, no promote) gets no buttons; nobody acts on itself', () => {
    expect(memberActions(me(2), at(3))).toEqual({
      promote: false,
      demote: false,
      kick: false,
      lead: false,
    });
    expect(memberActions(me(3), at(3)).kick).toBe(false);
    expect(memberActions(me(0), { id: 'me', rankPosition: 0 }).lead).toBe(false);
  });

  it('follows ranks the leader changed (an Officer without kick)', () => {
    const officer = asRank(1);
    const edited = {
      ...officer,
      rank: { ...officer.rank, permissions: { ...officer.rank.permissions, kick: false } },
    };
    expect(memberActions({ id: 'me', guild: edited }, at(3))).toEqual({
      promote: true,
      demote: false,
      kick: false,
      lead: false,
    });
  });
});

describe('rank permissions shown', () => {
  const table: [number, GuildPermission[]][] = [
    [0, ['invite', 'kick', 'promote', 'motd', 'deposit', 'withdraw']],
    [1, ['invite', 'kick', 'promote', 'motd', 'deposit', 'withdraw']],
    [2, ['invite', 'deposit', 'withdraw']],
    [3, ['deposit']],
  ];
  it.each(table)('rank %i may %j', (position, allowed) => {
    const g = asRank(position);
    for (const p of ['invite', 'kick', 'promote', 'motd', 'deposit', 'withdraw'] as const)
      expect(can(g, p), p).toBe(allowed.includes(p));
  });

  it('says what is left to withdraw today', () => {
    expect(withdrawText(asRank(0))).toBe('no daily limit');
    expect(withdrawText(asRank(1, { withdrawLeftToday: 24_500 }))).toBe('¥24,500 left today (UTC)');
    expect(withdrawText(asRank(3))).toBe('your rank cannot withdraw');
    expect(mayWithdraw(asRank(0))).toBe(true);
    expect(mayWithdraw(asRank(2, { withdrawLeftToday: 0 }))).toBe(false);
    expect(mayWithdraw(asRank(3))).toBe(false);
  });

  it('names the rank a move would give', () => {
    expect(rankNameAt(asRank(0), 1)).toBe('Officer');
    expect(rankNameAt(asRank(0), 9)).toBe('rank 10');
  });
});

describe('texts', () => {
  it('formats eddies, titles, levels, dates and the public path', () => {
    expect(eddiesText(1000)).toBe('¥1,000');
    expect(guildTitle({ name: 'Night Owls', tag: 'OWL' })).toBe('[OWL] Night Owls');
    expect(nextLevelAt(1)).toBe(10);
    expect(nextLevelAt(10)).toBe(25);
    expect(nextLevelAt(100)).toBeNull();
    expect(membersText(1)).toBe('1 / 100 member · next level at 10');
    expect(membersText(100)).toBe('100 / 100 members');
    expect(dateText(NOW)).toBe('24 Nov 2026');
    expect(publicGuildPath('OWL')).toBe('/guilds/OWL');
    expect(renownText({ season: 'S3', renown: 1240 })).toBe('1,240 renown in S3');
    expect(renownText({ season: 'S1', renown: 0 })).toBe('0 renown in S1');
    expect(renownText(null)).toBeNull();
  });

  it('tells a bank log line and when an invitation runs out', () => {
    expect(bankLogText({ name: 'Al', kind: 'deposit', amount: 1500 })).toBe('Al deposited ¥1,500');
    expect(bankLogText({ name: 'Bo', kind: 'withdraw', amount: 20 })).toBe('Bo withdrew ¥20');
    expect(expiresText(NOW + 23.5 * 3_600_000, NOW)).toBe('expires in 23 h');
    expect(expiresText(NOW + 5 * 60_000, NOW)).toBe('expires in 5 min');
    expect(expiresText(NOW + 10_000, NOW)).toBe('expires in 1 min');
    expect(expiresText(NOW - 1, NOW)).toBe('expired');
  });
});

describe('inputs', () => {
  it('reads whole eddies and refuses the rest', () => {
    expect(parseAmount(' 1,500 ')).toEqual({ amount: 1500 });
    expect(parseAmount('')).toEqual({ error: 'Enter an amount' });
    expect(parseAmount('1.5')).toEqual({ error: 'Whole eddies only' });
    expect(parseAmount('-3')).toEqual({ error: 'Whole eddies only' });
    expect(parseAmount('0')).toEqual({ error: 'At least 1 eddy' });
    expect(parseAmount('99999999999')).toEqual({ error: 'Too many eddies' });
  });

  it('confirms disbanding with the name, case ignored', () => {
    expect(disbandConfirmed('Night Owls', ' night owls ')).toBe(true);
    expect(disbandConfirmed('Night Owls', 'Night Owl')).toBe(false);
    expect(disbandConfirmed('Night Owls', '')).toBe(false);
  });
});

describe('the Ranks tab', () => {
  const [leader, officer, mem, recruit] = ranks as [
    MyGuild['ranks'][number],
    MyGuild['ranks'][number],
    MyGuild['ranks'][number],
    MyGuild['ranks'][number],
  ];

  it('lists the ranks highest first and has a short header and a tooltip per permission', () => {
    expect(sortRanks([recruit, leader, mem, officer]).map((r) => r.name)).toEqual([
      'Leader',
      'Officer',
      'Member',
      'Recruit',
    ]);
    for (const p of GUILD_PERMISSIONS) {
      expect(PERMISSION_COLUMNS[p].short.length, p).toBeLessThanOrEqual(4);
      expect(PERMISSION_COLUMNS[p].title, p).not.toBe('');
    }
  });

  it('formats the daily limit for its input and for reading', () => {
    expect(limitInput(null)).toBe('');
    expect(limitInput(25_000)).toBe('25,000');
    expect(limitInput(0)).toBe('0');
    expect(limitText(leader)).toBe('no limit');
    expect(limitText(mem)).toBe('¥2,000');
    expect(limitText({ ...mem, dailyWithdrawLimit: 0 })).toBe('¥0');
    expect(limitText(recruit)).toBe('—'); // cannot withdraw: the limit does not matter
  });

  it('reads a typed limit: empty is no limit, 0 is allowed, whole eddies only', () => {
    expect(parseLimit('')).toEqual({ limit: null });
    expect(parseLimit('   ')).toEqual({ limit: null });
    expect(parseLimit('0')).toEqual({ limit: 0 });
    expect(parseLimit(' ¥2,500 ')).toEqual({ limit: 2500 });
    expect(parseLimit('1.5')).toEqual({ error: 'Daily limit: whole eddies only' });
    expect(parseLimit('-1')).toEqual({ error: 'Daily limit: whole eddies only' });
    expect(parseLimit('99999999999')).toEqual({ error: 'Daily limit: too many eddies' });
  });

  it('an untouched draft sends nothing (the formatted limit reads back the same)', () => {
    for (const r of ranks) expect(rankEdit(r, rankDraft(r))).toEqual({ edit: null });
    expect(rankEdit(mem, { ...rankDraft(mem), name: ' Member ', limit: '2000' })).toEqual({
      edit: null,
    });
  });

  it('sends only what changed', () => {
    const d = rankDraft(recruit);
    expect(rankEdit(recruit, { ...d, name: ' Rookie ' })).toEqual({ edit: { name: 'Rookie' } });
    expect(
      rankEdit(recruit, { ...d, permissions: { ...d.permissions, invite: true, withdraw: true } }),
    ).toEqual({ edit: { permissions: { invite: true, withdraw: true } } });
    expect(rankEdit(mem, { ...rankDraft(mem), limit: '' })).toEqual({
      edit: { dailyWithdrawLimit: null },
    });
    expect(
      rankEdit(mem, {
        name: 'Runner',
        permissions: { ...mem.permissions, deposit: false },
        limit: '500',
      }),
    ).toEqual({
      edit: { name: 'Runner', permissions: { deposit: false }, dailyWithdrawLimit: 500 },
    });
    // a permission ticked and unticked again is no change
    expect(rankEdit(mem, { ...rankDraft(mem), permissions: { ...mem.permissions } })).toEqual({
      edit: null,
    });
  });

  it("the leader's rank sends only its name", () => {
    const d = rankDraft(leader);
    expect(
      rankEdit(leader, {
        name: 'Boss',
        permissions: { ...d.permissions, kick: false },
        limit: '10',
      }),
    ).toEqual({ edit: { name: 'Boss' } });
    expect(rankEdit(leader, { ...d, limit: 'nonsense' })).toEqual({ edit: null });
  });

  it('refuses a bad name or limit before sending', () => {
    const d = rankDraft(mem);
    expect(rankEdit(mem, { ...d, name: '  ' })).toEqual({ error: 'Rank name: Required' });
    expect(rankEdit(mem, { ...d, name: 'R!ot' })).toEqual({
      error: 'Rank name: Letters, digits, spaces, hyphens and apostrophes only',
    });
    expect(rankEdit(mem, { ...d, limit: 'lots' })).toEqual({
      error: 'Daily limit: whole eddies only',
    });
  });

  it('puts a saved rank in your guild, your own rank too', () => {
    const g = asRank(2);
    const saved = { ...mem, name: 'Runner', dailyWithdrawLimit: 500 };
    const next = withRank(g, saved);
    expect(next.ranks.map((r) => r.name)).toEqual(['Leader', 'Officer', 'Runner', 'Recruit']);
    expect(next.rank).toBe(saved);
    expect(g.ranks[2]!.name).toBe('Member'); // the cached guild is left alone
    const other = withRank(asRank(3), saved);
    expect(other.rank.name).toBe('Recruit');
  });
});
