import { describe, expect, it } from 'vitest';
import type { GroupRole, QueueId } from '@necp/shared';
import { findMatches, splitTeams } from './find-matches';
import type { QueueTicket } from './tickets';

// Pure: tickets built in memory, time as a number.
let n = 0;
function ticket(
  queue: QueueId,
  members: { rating?: number; role?: GroupRole; level?: number }[],
  enqueuedAt = 0,
): QueueTicket {
  const id = `t${++n}`;
  const ms = members.map((m, i) => ({
    characterId: `${id}c${i}`,
    name: `${id}c${i}`,
    level: m.level ?? 10,
    role: m.role ?? null,
    rating: m.rating ?? null,
  }));
  const ratings = ms.map((m) => m.rating).filter((r): r is number => r !== null);
  return {
    id,
    queue,
    leaderId: ms[0]!.characterId,
    partyId: members.length > 1 ? `p${id}` : null,
    members: ms,
    rating: ratings.length ? ratings.reduce((a, b) => a + b) / ratings.length : null,
    enqueuedAt,
  };
}
const solo = (rating: number, at = 0) => ticket('arena_1v1', [{ rating }], at);
const ids = (teams: QueueTicket[][]) => teams.map((t) => t.map((x) => x.id).sort());

describe('arena rating window', () => {
  it('a 1500 and an 1800 meet only once both waited 40 s (±100, +50 every 10 s)', () => {
    const a = solo(1500);
    const b = solo(1800);
    expect(findMatches('arena_1v1', [a, b], 0)).toEqual([]);
    expect(findMatches('arena_1v1', [a, b], 39_999)).toEqual([]);
    expect(findMatches('arena_1v1', [a, b], 40_000)).toHaveLength(1);
  });

  it('both sides must accept: a newcomer is not matched far away just because the other waited', () => {
    const old = solo(1500, 0);
    const fresh = solo(1800, 100_000);
    expect(findMatches('arena_1v1', [old, fresh], 100_000)).toEqual([]);
    // past two minutes of wait for both anyone goes
    const far = solo(2600, 0);
    expect(findMatches('arena_1v1', [old, far], 120_000)).toHaveLength(1);
  });

  it('the oldest ticket anchors, and takes the closest rating', () => {
    const a = solo(1500, 0);
    const b = solo(1590, 1);
    const c = solo(1510, 2);
    const [m, ...rest] = findMatches('arena_1v1', [a, b, c], 5);
    expect(rest).toEqual([]);
    expect(ids(m!.teams).flat().sort()).toEqual([a.id, c.id].sort());
  });

  it('1v1: pairs everyone in range, one ticket per side', () => {
    const ts = [1500, 1520, 1540, 1560, 1580, 1600].map((r) => solo(r));
    const ms = findMatches('arena_1v1', ts, 0);
    expect(ms).toHaveLength(3);
    for (const m of ms) expect(m.teams.map((t) => t.length)).toEqual([1, 1]);
    expect(new Set(ms.flatMap((m) => m.teams.flat().map((t) => t.id))).size).toBe(6);
  });
});

describe('3v3 teams', () => {
  const s3 = (rating: number) => ticket('arena_3v3', [{ rating }]);

  it('six solos split into two even teams of three', () => {
    const ts = [1500, 1510, 1520, 1530, 1540, 1550].map(s3);
    const [m] = findMatches('arena_3v3', ts, 0);
    expect(m!.teams.map((t) => t.length)).toEqual([3, 3]);
    const mean = (t: QueueTicket[]) => t.reduce((s, x) => s + x.rating!, 0) / t.length;
    expect(Math.abs(mean(m!.teams[0]!) - mean(m!.teams[1]!))).toBeLessThanOrEqual(10);
  });

  it('a party of three stays one team against three solos; a party of two takes one solo', () => {
    const party = ticket('arena_3v3', [{ rating: 1500 }, { rating: 1500 }, { rating: 1500 }]);
    const duo = ticket('arena_3v3', [{ rating: 1490 }, { rating: 1510 }]);
    const solos = [1500, 1500, 1500, 1500].map(s3);
    const [m] = findMatches('arena_3v3', [party, duo, ...solos], 0);
    const sides = m!.teams;
    expect(sides.map((t) => t.reduce((k, x) => k + x.members.length, 0))).toEqual([3, 3]);
    expect(sides.some((t) => t.length === 1 && t[0]!.id === party.id)).toBe(true);
    expect(sides.some((t) => t.some((x) => x.id === duo.id) && t.length === 2)).toBe(true);
  });

  it('three parties of two cannot make two teams of three', () => {
    const duos = [0, 1, 2].map(() => ticket('arena_3v3', [{ rating: 1500 }, { rating: 1500 }]));
    expect(findMatches('arena_3v3', duos, 0)).toEqual([]);
    expect(splitTeams(duos, 3)).toBeNull();
  });

  it('a party queues with its mean rating: 1300+1700 meets 1500s at once', () => {
    const duo = ticket('arena_3v3', [{ rating: 1300 }, { rating: 1700 }]);
    expect(duo.rating).toBe(1500);
    const solos = [1500, 1500, 1500, 1500].map(s3);
    expect(findMatches('arena_3v3', [duo, ...solos], 0)).toHaveLength(1);
  });
});

describe('dungeon and raid groups', () => {
  const d = (role: GroupRole, level = 10, at = 0) => ticket('dungeon', [{ role, level }], at);

  it('a group is 1 tank, 1 support and 3 damage; extras wait', () => {
    const ts = [d('damage'), d('damage'), d('damage'), d('damage'), d('tank'), d('support')];
    const ms = findMatches('dungeon', ts, 0);
    expect(ms).toHaveLength(1);
    const roles = ms[0]!.teams[0]!.flatMap((t) => t.members.map((m) => m.role)).sort();
    expect(roles).toEqual(['damage', 'damage', 'damage', 'support', 'tank']);
    // the oldest three damage (queue order) got the places
    expect(ms[0]!.teams[0]!.map((t) => t.id)).not.toContain(ts[3]!.id);
  });

  it('no tank, no group', () => {
    const ts = [d('damage'), d('damage'), d('damage'), d('support'), d('support')];
    expect(findMatches('dungeon', ts, 0)).toEqual([]);
  });

  it('a party stays together; the search backtracks to fit it', () => {
    const dmg = d('damage', 10, 0);
    const party = ticket('dungeon', [{ role: 'tank' }, { role: 'damage' }, { role: 'damage' }], 1);
    const [m] = findMatches('dungeon', [dmg, d('damage', 10, 2), party, d('support', 10, 3)], 5);
    expect(m!.teams[0]!.map((t) => t.id)).toEqual([dmg.id, party.id, expect.any(String)]);
    expect(m!.teams[0]!.flatMap((t) => t.members)).toHaveLength(5);
  });

  it('levels within 5 of each other; a premade party keeps its own span', () => {
    const low = [d('tank', 10), d('support', 11), d('damage', 12), d('damage', 13)];
    expect(findMatches('dungeon', [...low, d('damage', 16)], 0)).toEqual([]);
    expect(findMatches('dungeon', [...low, d('damage', 15)], 0)).toHaveLength(1);
    const wide = ticket('dungeon', [
      { role: 'tank', level: 10 },
      { role: 'support', level: 18 },
    ]);
    const mid = [d('damage', 12), d('damage', 14), d('damage', 17)];
    expect(findMatches('dungeon', [wide, ...mid], 0)).toHaveLength(1);
    expect(
      findMatches('dungeon', [wide, d('damage', 12), d('damage', 14), d('damage', 19)], 0),
    ).toEqual([]);
  });

  it('a premade party goes in as it is, and never fills another group', () => {
    const duo = { ...ticket('dungeon', [{ role: 'tank' }, { role: 'damage' }], 5), premade: true };
    // four solos that the duo would complete into a full group
    const solos = [d('support', 10, 0), d('damage', 10, 1), d('damage', 10, 2)];
    const ms = findMatches('dungeon', [...solos, duo], 10);
    expect(ms.map((m) => ids(m.teams))).toEqual([[[duo.id]]]);
    // the same party without the option is the missing tank of a full group
    const filled = findMatches('dungeon', [...solos, { ...duo, premade: false }], 10);
    expect(filled.map((m) => m.teams[0]!.length)).toEqual([4]);
    const raiders = { ...ticket('raid', [{ role: 'tank' }, { role: 'support' }]), premade: true };
    expect(findMatches('raid', [raiders], 0).map((m) => ids(m.teams))).toEqual([[[raiders.id]]]);
  });

  it('a raid is ten: 2 tanks, 2 supports, 6 damage', () => {
    const r = (role: GroupRole) => ticket('raid', [{ role, level: 20 }]);
    const ts = [
      ...[0, 1].map(() => r('tank')),
      ...[0, 1].map(() => r('support')),
      ...[0, 1, 2, 3, 4].map(() => r('damage')),
    ];
    expect(findMatches('raid', ts, 0)).toEqual([]);
    const [m] = findMatches('raid', [...ts, r('damage')], 0);
    expect(m!.teams[0]!).toHaveLength(10);
  });
});
