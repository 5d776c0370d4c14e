// Instance membership in PostgreSQL and where a character plays (real Redis for the
// lease directory): members go in once, a member of another open instance stays
// there, closing sends everyone back once, and a ticket goes to the instance only
// while a process holds its lease.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../core/clock';
import { createLog } from '../core/log';
import { disposeTestRedis, testDb, testRedis } from '../accounts/test-deps';
import { RedisZoneLeases, zoneLeaseKey } from '../cluster/redis-zone-leases';
import { characters } from '../matchmaking/test-helpers';
import { closeInstance, leaveInstance, openInstance } from './instance-membership';
import { playZoneOf } from './play-zone';
import { SimLoadRegistry } from './sim-load';

const db = testDb();
const redis = testRedis();
afterAll(async () => {
  await db.$disconnect();
  await disposeTestRedis(redis);
});
const deps = { db, clock: new FakeClock() };

const open = (memberIds: string[], matchId = randomUUID()) =>
  openInstance(deps, {
    zoneId: `arena-neon-pit--${matchId}`,
    matchId,
    templateId: 'arena-neon-pit',
    kind: 'arena',
    hostId: 'sim-a',
    memberIds,
  });
const instanceOf = async (id: string) =>
  (await db.character.findUniqueOrThrow({ where: { id }, select: { instanceId: true } }))
    .instanceId;

describe('instance membership', () => {
  it('puts members in once; one in another open instance stays there', async () => {
    const [a, b, c] = await characters(db, 3);
    const first = randomUUID();
    expect(await open([a!, b!], first)).toEqual({ entered: [a!, b!].sort() });
    // the same match again: nobody twice, nothing new
    expect(await open([a!, b!], first)).toEqual({ entered: [] });
    // b is busy elsewhere: only c enters the second one
    const second = randomUUID();
    expect(await open([b!, c!], second)).toEqual({ entered: [c!] });
    expect(await instanceOf(b!)).toBe(`arena-neon-pit--${first}`);
  });

  it('closes once and returns everyone inside; leaving is conditional', async () => {
    const [a, b] = await characters(db, 2);
    const matchId = randomUUID();
    const zoneId = `arena-neon-pit--${matchId}`;
    await open([a!, b!], matchId);
    expect(await leaveInstance(deps, { zoneId: 'other--x', characterId: a! })).toBe(false);
    expect(await leaveInstance(deps, { zoneId, characterId: a! })).toBe(true);
    expect(await instanceOf(a!)).toBeNull();
    const [one, two] = await Promise.all([
      closeInstance(deps, { zoneId, reason: 'finished' }),
      closeInstance(deps, { zoneId, reason: 'host_lost' }),
    ]);
    expect([one.closed, two.closed].filter(Boolean)).toHaveLength(1);
    expect([...one.returned, ...two.returned]).toEqual([b!]);
    expect(await instanceOf(b!)).toBeNull();
    // a closed instance no longer holds anybody back from the next one
    expect((await open([b!])).entered).toEqual([b!]);
  });
});

describe('playZoneOf', () => {
  it('the instance while a process holds its lease, else the open-world zone', async () => {
    const zoneId = `arena-neon-pit--${randomUUID()}`;
    const c = { zoneId: 'watson', instanceId: zoneId };
    expect(await playZoneOf({ redis }, c)).toBe('watson');
    const leases = new RedisZoneLeases(redis, {
      ownerId: 'sim-b',
      url: 'http://b:3001',
      ttlMs: 5_000,
    });
    const lease = await leases.tryAcquire(zoneId);
    expect(await playZoneOf({ redis }, c)).toBe(zoneId);
    // its host stalled past the TTL (the lease lapsed) and renews a moment later: the
    // player is still sent to the instance, not to the open world (which would close it)
    await redis.del(zoneLeaseKey(zoneId));
    const renewed = new Promise((r) => setTimeout(r, 400)).then(() => leases.renew(lease!));
    expect(await playZoneOf({ redis }, c)).toBe(zoneId);
    expect(await renewed).toBe(true);
    await leases.release(lease!);
    expect(await playZoneOf({ redis }, c)).toBe('watson');
    // without Redis there is one sim: it settles the instance itself
    expect(await playZoneOf({ redis: undefined }, c)).toBe('watson');
    expect(await playZoneOf({ redis }, { zoneId: 'watson', instanceId: null })).toBe('watson');
  });
});

describe('SimLoadRegistry', () => {
  it('lists live processes least loaded first and ignores stale ones', async () => {
    const reg = new SimLoadRegistry(redis);
    const tag = randomUUID();
    await reg.publish({ ownerId: `${tag}-busy`, url: 'u', players: 40, instances: 0, at: 10_000 });
    await reg.publish({ ownerId: `${tag}-arena`, url: 'u', players: 0, instances: 9, at: 10_000 });
    await reg.publish({ ownerId: `${tag}-idle`, url: 'u', players: 3, instances: 1, at: 10_000 });
    await reg.publish({ ownerId: `${tag}-dead`, url: 'u', players: 0, instances: 0, at: 0 });
    const mine = (await reg.live(12_000)).filter((l) => l.ownerId.startsWith(tag));
    expect(mine.map((l) => l.ownerId)).toEqual([`${tag}-idle`, `${tag}-busy`, `${tag}-arena`]);
    for (const s of ['busy', 'arena', 'idle', 'dead']) await reg.remove(`${tag}-${s}`);
  });

  it("the caller's current load stands in for its published entry", async () => {
    const reg = new SimLoadRegistry(redis);
    const tag = randomUUID();
    // published a moment ago, before two players arrived on it
    await reg.publish({ ownerId: `${tag}-a`, url: 'a', players: 0, instances: 0, at: 10_000 });
    await reg.publish({ ownerId: `${tag}-b`, url: 'b', players: 0, instances: 0, at: 10_000 });
    const self = { ownerId: `${tag}-a`, url: 'a', players: 2, instances: 0, at: 11_000 };
    const mine = (await reg.live(11_000, self)).filter((l) => l.ownerId.startsWith(tag));
    expect(mine).toEqual([expect.objectContaining({ ownerId: `${tag}-b` }), self]);
    for (const s of ['a', 'b']) await reg.remove(`${tag}-${s}`);
  });

  it('skips entries it cannot read (another version, half a write, a hand edit) and says so', async () => {
    const log = createLog('test', 'silent');
    const warned = vi.spyOn(log, 'warn');
    const reg = new SimLoadRegistry(redis, log);
    const tag = randomUUID();
    await reg.publish({ ownerId: `${tag}-ok`, url: 'ok', players: 1, instances: 0, at: 10_000 });
    const entry = { url: 'x', players: 0, instances: 0, at: 10_000 };
    const bad = {
      [`${tag}-garbage`]: 'garbage',
      [`${tag}-half`]: `{"ownerId":"${tag}-half","url":"x","play`,
      // would sort first with players as text, or no players at all
      [`${tag}-text`]: JSON.stringify({ ...entry, ownerId: `${tag}-text`, players: '0' }),
      [`${tag}-short`]: JSON.stringify({ ownerId: `${tag}-short`, url: 'x', at: 10_000 }),
      [`${tag}-neg`]: JSON.stringify({ ...entry, ownerId: `${tag}-neg`, instances: -9 }),
      [`${tag}-array`]: JSON.stringify([`${tag}-array`, 'x', 0, 0, 10_000]),
    };
    await redis.hset('sims:load', bad);
    const mine = (await reg.live(11_000)).filter((l) => l.ownerId.startsWith(tag));
    expect(mine).toEqual([
      { ownerId: `${tag}-ok`, url: 'ok', players: 1, instances: 0, at: 10_000 },
    ]);
    const skipped = warned.mock.calls.map(([o]) => (o as { field: string }).field);
    expect(skipped.filter((f) => f.startsWith(tag)).sort()).toEqual(Object.keys(bad).sort());
    await redis.hdel('sims:load', `${tag}-ok`, ...Object.keys(bad));
  });
});
