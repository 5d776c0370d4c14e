import { afterAll, describe, expect, it } from 'vitest';
import { disposeTestRedis, testRedis } from '../accounts/test-deps';
import { RedisZoneDirectory, RedisZoneLeases } from './redis-zone-leases';

// Real Redis, a short TTL so expiry is observable; every test uses its own zone id.
const TTL = 200;
const redis = testRedis();
afterAll(() => disposeTestRedis(redis));

const leases = (ownerId: string, r = redis) =>
  new RedisZoneLeases(r, { ownerId, url: `http://${ownerId}.sim:3001`, ttlMs: TTL });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
const zone = () => `z${++n}`;

describe('Redis zone leases', () => {
  it('one process at a time: the second acquire fails while the first holds the zone', async () => {
    const z = zone();
    const a = await leases('a').tryAcquire(z);
    expect(a).toMatchObject({ zoneId: z, ownerId: 'a', url: 'http://a.sim:3001', token: 1 });
    expect(await leases('b').tryAcquire(z)).toBeNull();
    expect(await leases('a').tryAcquire(z)).toBeNull(); // not re-entrant either
    expect(await new RedisZoneDirectory(redis).ownerOf(z)).toEqual({
      ownerId: 'a',
      url: 'http://a.sim:3001',
      token: 1,
    });
  });

  it('renewing keeps the lease past its TTL', async () => {
    const z = zone();
    const a = leases('a');
    const held = await a.tryAcquire(z);
    if (!held) throw new Error('not acquired');
    for (let i = 0; i < 8; i++) {
      await sleep(TTL / 4);
      expect(await a.renew(held)).toBe(true);
    }
    expect(await leases('b').tryAcquire(z)).toBeNull();
  });

  it('a stopped renewer loses the zone after the TTL; the next owner has a higher token and the late renew fails', async () => {
    const z = zone();
    const a = leases('a');
    const old = await a.tryAcquire(z);
    if (!old) throw new Error('not acquired');
    await sleep(TTL + 50);
    expect(await new RedisZoneDirectory(redis).ownerOf(z)).toBeNull();
    const taken = await leases('b').tryAcquire(z);
    expect(taken).toMatchObject({ ownerId: 'b', token: old.token + 1 });
    // the old owner wakes up: its renew and release fail and touch nothing
    expect(await a.renew(old)).toBe(false);
    expect(await a.release(old)).toBe(false);
    expect(await new RedisZoneDirectory(redis).ownerOf(z)).toMatchObject({ ownerId: 'b' });
  });

  it('an owner stalled past its TTL takes its lease back when nobody acquired the zone since', async () => {
    const z = zone();
    const a = leases('a');
    const held = await a.tryAcquire(z);
    if (!held) throw new Error('not acquired');
    await sleep(TTL + 50);
    expect(await new RedisZoneDirectory(redis).ownerOf(z)).toBeNull();
    // the late renew re-takes the same lease (same token), and it lasts a TTL again
    expect(await a.renew(held)).toBe(true);
    expect(await new RedisZoneDirectory(redis).ownerOf(z)).toEqual({
      ownerId: 'a',
      url: 'http://a.sim:3001',
      token: held.token,
    });
    expect(await leases('b').tryAcquire(z)).toBeNull();
    // a raised token floor (PostgreSQL saw a later owner) forbids taking it back
    await sleep(TTL + 50);
    await a.raiseTokenFloor(z, held.token + 1);
    expect(await a.renew(held)).toBe(false);
    expect(await new RedisZoneDirectory(redis).ownerOf(z)).toBeNull();
  });

  it('release frees the zone at once', async () => {
    const z = zone();
    const a = leases('a');
    const held = await a.tryAcquire(z);
    if (!held) throw new Error('not acquired');
    expect(await a.release(held)).toBe(true);
    expect(await new RedisZoneDirectory(redis).ownerOf(z)).toBeNull();
    expect(await leases('b').tryAcquire(z)).toMatchObject({ ownerId: 'b', token: 2 });
    expect(await a.renew(held)).toBe(false);
  });

  it('raising the token floor makes the next acquisition outrank what PostgreSQL has seen', async () => {
    const z = zone();
    const a = leases('a');
    const first = await a.tryAcquire(z);
    if (!first) throw new Error('not acquired');
    await a.release(first);
    await a.raiseTokenFloor(z, 41);
    await a.raiseTokenFloor(z, 7); // never lowers it
    expect(await a.tryAcquire(z)).toMatchObject({ token: 42 });
  });

  it('two deployments (prefixes) on one Redis do not see each other’s leases', async () => {
    const other = testRedis();
    try {
      const z = zone();
      const mine = await leases('a').tryAcquire(z);
      const theirs = await leases('b', other).tryAcquire(z);
      expect(mine).toMatchObject({ ownerId: 'a', token: 1 });
      expect(theirs).toMatchObject({ ownerId: 'b', token: 1 });
      expect(await new RedisZoneDirectory(other).ownerOf(z)).toMatchObject({ ownerId: 'b' });
      expect(await new RedisZoneDirectory(redis).ownerOf(z)).toMatchObject({ ownerId: 'a' });
    } finally {
      await disposeTestRedis(other);
    }
  });

  it('a value that is not a lease reads as no owner', async () => {
    const z = zone();
    await redis.set(`zone:lease:${z}`, 'garbage');
    expect(await new RedisZoneDirectory(redis).ownerOf(z)).toBeNull();
  });

  it('half a lease, or another shape of one, reads as no owner too', async () => {
    const directory = new RedisZoneDirectory(redis);
    for (const stored of [
      '{"ownerId":"a","url":"http://a.sim:3001","tok', // a write cut short
      '{"ownerId":"a","url":"http://a.sim:3001","token":"7"}', // a token as text
      '{"ownerId":"a","url":"http://a.sim:3001","token":0}', // tokens start at 1
      '{"owner":"a","endpoint":"http://a.sim:3001","token":7}', // another version's names
      '["a","http://a.sim:3001",7]',
    ]) {
      const z = zone();
      await redis.set(`zone:lease:${z}`, stored);
      expect(await directory.ownerOf(z), stored).toBeNull();
    }
  });
});
