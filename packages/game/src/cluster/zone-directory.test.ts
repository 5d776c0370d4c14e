import { afterAll, describe, expect, it } from 'vitest';
import { disposeTestRedis, testRedis } from '../accounts/test-deps';
import { DomainError } from '../core/errors';
import { RedisZoneDirectory, RedisZoneLeases } from './redis-zone-leases';
import { simUrlForZone } from './zone-directory';

// Real Redis; a short lease TTL so a lapse is observable; every test uses its own zone id.
const TTL = 200;
const redis = testRedis();
afterAll(() => disposeTestRedis(redis));
const config = { simTicketSecret: 'unused', simPublicUrl: 'http://one-sim:3001' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
const zone = () => `dir${++n}`;

describe('where the web and the sims send a player (simUrlForZone)', () => {
  it("answers the owner's URL", async () => {
    const z = zone();
    await new RedisZoneLeases(redis, { ownerId: 'a', url: 'http://a.sim:3001' }).tryAcquire(z);
    expect(await simUrlForZone({ redis, config }, z)).toBe('http://a.sim:3001');
  });

  it('waits for an owner that stalled past its TTL and takes its lease back', async () => {
    const z = zone();
    const a = new RedisZoneLeases(redis, { ownerId: 'a', url: 'http://a.sim:3001', ttlMs: TTL });
    const held = await a.tryAcquire(z);
    if (!held) throw new Error('not acquired');
    await sleep(TTL + 50);
    expect(await new RedisZoneDirectory(redis).ownerOf(z)).toBeNull();
    // asked in the gap: the owner's late renew comes 300 ms later
    const asked = simUrlForZone({ redis, config }, z);
    await sleep(300);
    expect(await a.renew(held)).toBe(true);
    expect(await asked).toBe('http://a.sim:3001');
  });

  it('a zone nobody owns: "starting up" once the wait is over, not before', async () => {
    const z = zone();
    const t = Date.now();
    const err = await simUrlForZone({ redis, config }, z, 300).catch((e: unknown) => e);
    expect(Date.now() - t).toBeGreaterThanOrEqual(300);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({
      code: 'UNAVAILABLE',
      userMessage: 'That district is starting up. Try again in a few seconds.',
    });
  });

  it('without Redis there is one sim: the configured URL', async () => {
    expect(await simUrlForZone({ config }, zone())).toBe('http://one-sim:3001');
  });
});
