import { describe, expect, it } from 'vitest';
import {
  applyPresence,
  friendsCount,
  lastSeenText,
  presenceNotice,
  requestOutcomeText,
  sortFriends,
  whereText,
  type Friend,
  type FriendsList,
} from './friends-list';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const MIN = 60_000;

const friend = (p: Partial<Friend> & Pick<Friend, 'id' | 'name'>): Friend => ({
  level: 3,
  class: 'solo',
  status: 'offline',
  zoneId: 'watson',
  lastSeenAt: NOW - 10 * MIN,
  since: NOW - 1000 * MIN,
  ...p,
});

const list = (friends: Friend[]): FriendsList => ({
  friends,
  incoming: [],
  outgoing: [],
  blocked: [],
});

describe('sortFriends', () => {
  it('puts online first, then AFK, then offline, by name within each', () => {
    const sorted = sortFriends([
      friend({ id: '1', name: 'zed', status: 'offline' }),
      friend({ id: '2', name: 'Bo', status: 'afk' }),
      friend({ id: '3', name: 'Cy', status: 'online' }),
      friend({ id: '4', name: 'amy', status: 'offline' }),
      friend({ id: '5', name: 'Al', status: 'online' }),
      friend({ id: '6', name: 'Ann', status: 'afk' }),
    ]);
    expect(sorted.map((f) => f.name)).toEqual(['Al', 'Cy', 'Ann', 'Bo', 'amy', 'zed']);
  });

  it('leaves its input alone', () => {
    const input = [friend({ id: '1', name: 'B' }), friend({ id: '2', name: 'A' })];
    sortFriends(input);
    expect(input.map((f) => f.name)).toEqual(['B', 'A']);
  });
});

describe('lastSeenText', () => {
  it('speaks in minutes, hours and days', () => {
    expect(lastSeenText(NOW - 20_000, NOW)).toBe('last seen just now');
    expect(lastSeenText(NOW - MIN, NOW)).toBe('last seen 1 min ago');
    expect(lastSeenText(NOW - 59 * MIN - 59_000, NOW)).toBe('last seen 59 min ago');
    expect(lastSeenText(NOW - 60 * MIN, NOW)).toBe('last seen 1 h ago');
    expect(lastSeenText(NOW - 23 * 60 * MIN, NOW)).toBe('last seen 23 h ago');
    expect(lastSeenText(NOW - 24 * 60 * MIN, NOW)).toBe('last seen 1 d ago');
    expect(lastSeenText(NOW - 45 * 24 * 60 * MIN, NOW)).toBe('last seen 45 d ago');
  });

  it('treats a time a little ahead as just now, and never seen as offline', () => {
    expect(lastSeenText(NOW + 5 * MIN, NOW)).toBe('last seen just now');
    expect(lastSeenText(null, NOW)).toBe('offline');
  });
});

describe('whereText', () => {
  it('names the district while in the world, the last sighting otherwise', () => {
    expect(whereText(friend({ id: '1', name: 'A', status: 'online' }), NOW)).toBe('Watson');
    expect(whereText(friend({ id: '1', name: 'A', status: 'afk' }), NOW)).toBe('Watson');
    expect(
      whereText(friend({ id: '1', name: 'A', status: 'online', zoneId: 'nowhere' }), NOW),
    ).toBe('nowhere');
    expect(whereText(friend({ id: '1', name: 'A' }), NOW)).toBe('last seen 10 min ago');
  });
});

describe('applyPresence', () => {
  const before = list([
    friend({ id: 'a', name: 'Ana', status: 'online', lastSeenAt: NOW - 3 * MIN }),
    friend({ id: 'b', name: 'Bob', status: 'offline', zoneId: 'westbrook' }),
  ]);

  it('changes the one friend in place', () => {
    const after = applyPresence(
      before,
      { id: 'b', name: 'Bob', status: 'online', zoneId: 'watson' },
      NOW,
    )!;
    expect(after).not.toBe(before);
    expect(after.friends[0]).toBe(before.friends[0]);
    expect(after.friends[1]).toMatchObject({ status: 'online', zoneId: 'watson' });
    expect(before.friends[1]!.status).toBe('offline');
  });

  it('stamps "last seen" on leaving and keeps the district it had', () => {
    const after = applyPresence(
      before,
      { id: 'a', name: 'Ana', status: 'offline', zoneId: null },
      NOW,
    )!;
    expect(after.friends[0]).toMatchObject({
      status: 'offline',
      zoneId: 'watson',
      lastSeenAt: NOW,
    });
  });

  it('follows a metro ride and AFK', () => {
    const rode = applyPresence(
      before,
      { id: 'a', name: 'Ana', status: 'online', zoneId: 'westbrook' },
      NOW,
    )!;
    expect(rode.friends[0]).toMatchObject({ status: 'online', zoneId: 'westbrook' });
    const away = applyPresence(
      rode,
      { id: 'a', name: 'Ana', status: 'afk', zoneId: 'westbrook' },
      NOW,
    )!;
    expect(away.friends[0]).toMatchObject({ status: 'afk', lastSeenAt: NOW - 3 * MIN });
  });

  it('returns the same object for a stranger or no list (the caller refetches)', () => {
    const msg = { id: 'x', name: 'Xi', status: 'online', zoneId: 'watson' } as const;
    expect(applyPresence(before, msg, NOW)).toBe(before);
    expect(applyPresence(undefined, msg, NOW)).toBeUndefined();
  });
});

describe('presenceNotice', () => {
  const msg = (status: 'online' | 'afk' | 'offline') =>
    ({ id: 'a', name: 'Ana', status, zoneId: status === 'offline' ? null : 'watson' }) as const;

  it('tells of coming online and going offline', () => {
    expect(presenceNotice('offline', msg('online'))).toBe('Ana is online.');
    expect(presenceNotice(undefined, msg('online'))).toBe('Ana is online.');
    expect(presenceNotice('online', msg('offline'))).toBe('Ana went offline.');
    expect(presenceNotice('afk', msg('offline'))).toBe('Ana went offline.');
  });

  it('is quiet about AFK, coming back from AFK and metro rides', () => {
    expect(presenceNotice('online', msg('afk'))).toBeNull();
    expect(presenceNotice('afk', msg('online'))).toBeNull();
    expect(presenceNotice('online', msg('online'))).toBeNull();
    expect(presenceNotice('offline', msg('offline'))).toBeNull();
  });
});

describe('the rest', () => {
  it('counts against the cap and words a request outcome', () => {
    expect(friendsCount(list([friend({ id: 'a', name: 'A' })]))).toBe('1 / 200');
    expect(requestOutcomeText({ outcome: 'sent', name: 'Ana' })).toBe(
      'Friend request sent to Ana.',
    );
    expect(requestOutcomeText({ outcome: 'accepted', name: 'Ana' })).toBe(
      'You and Ana are now friends.',
    );
  });
});
