import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { uniq } from '@necp/db/testing';
import { createRedis, redisChannel } from '../core/redis';
import { disposeTestRedis, testDb, testDeps, testRedis } from '../accounts/test-deps';
import { lockStoreFor, rateLimiterFor } from './registry';

const db = testDb(1);
const redis = testRedis();
afterAll(async () => {
  await db.$disconnect();
  await disposeTestRedis(redis);
});

const spec = (points = 3) => ({ name: uniq('spec-'), points, durationSec: 60 });

describe.each([
  ['memory', undefined],
  ['redis', redis],
] as const)('rate limiter (%s)', (_backend, r) => {
  const deps = () => testDeps(db, r ? { redis: r } : {});

  it('allows `points` hits per window, then refuses; peek does not consume', async () => {
    const rl = rateLimiterFor(deps(), spec(3));
    const key = uniq('k');
    expect(await rl.peek(key)).toEqual({
      allowed: true,
      consumed: 0,
      remaining: 3,
      msBeforeReset: 0,
    });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await rl.consume(key));
    expect(results.map((x) => x.allowed)).toEqual([true, true, true, false]);
    expect(results[2]).toMatchObject({ consumed: 3, remaining: 0 });
    expect(results[2]!.msBeforeReset).toBeGreaterThan(55_000);
    expect(await rl.peek(key)).toMatchObject({ allowed: false, consumed: 4 });
    expect(await rl.peek(key)).toMatchObject({ consumed: 4 });
    // other keys are untouched
    expect((await rl.consume(uniq('k'))).allowed).toBe(true);
  });

  it('reset clears a key', async () => {
    const rl = rateLimiterFor(deps(), spec(1));
    const key = uniq('k');
    await rl.consume(key, 2);
    expect((await rl.peek(key)).allowed).toBe(false);
    await rl.reset(key);
    expect(await rl.peek(key)).toMatchObject({ allowed: true, consumed: 0 });
  });

  it('locks follow the injected clock', async () => {
    const d = deps();
    const locks = lockStoreFor(d, uniq('lock-'));
    const key = uniq('k');
    expect(await locks.lockedUntil(key)).toBeNull();
    const until = await locks.lock(key, 15 * 60_000);
    expect(until.getTime()).toBe(d.clock.ms() + 15 * 60_000);
    d.clock.advance(15 * 60_000 - 1);
    expect(await locks.lockedUntil(key)).toEqual(until);
    d.clock.advance(1);
    expect(await locks.lockedUntil(key)).toBeNull();
    await locks.lock(key, 60_000);
    await locks.unlock(key);
    expect(await locks.lockedUntil(key)).toBeNull();
  });
});

describe('limiter instances', () => {
  it('are per deps in memory mode, so tests and processes start empty', async () => {
    const s = spec(1);
    const a = testDeps(db);
    const b = testDeps(db);
    expect(rateLimiterFor(a, s)).toBe(rateLimiterFor(a, s));
    await rateLimiterFor(a, s).consume('same-key', 2);
    expect((await rateLimiterFor(a, s).peek('same-key')).allowed).toBe(false);
    expect((await rateLimiterFor(b, s).peek('same-key')).allowed).toBe(true);
  });

  it('share counters through Redis across deps (two nodes see one count)', async () => {
    const s = spec(2);
    const key = uniq('k');
    const nodeA = testDeps(db, { redis });
    const nodeB = testDeps(db, { redis });
    await rateLimiterFor(nodeA, s).consume(key);
    await rateLimiterFor(nodeB, s).consume(key);
    expect(await rateLimiterFor(nodeA, s).peek(key)).toMatchObject({ consumed: 2, allowed: false });
    // and the counter really is in Redis
    const raw = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      expect(await raw.get(`${redis.options.keyPrefix ?? ''}rl:${s.name}:${key}`)).toBe('2');
    } finally {
      raw.disconnect();
    }
  });

  it('refuse a second spec under the same name', () => {
    const d = testDeps(db);
    const s = spec(1);
    rateLimiterFor(d, s);
    expect(() => rateLimiterFor(d, { ...s, points: 2 })).toThrow(/another spec/);
  });
});

describe('deployments sharing one Redis (REDIS_PREFIX)', () => {
  it('keep separate counters and locks; one prefix is one namespace', async () => {
    const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const prefixA = uniq('depA-');
    const prefixB = uniq('depB-');
    const a1 = createRedis(url, prefixA);
    const a2 = createRedis(url, prefixA);
    const b = createRedis(url, prefixB);
    try {
      const s = spec(1);
      const key = 'same-user';
      const nodeA1 = testDeps(db, { redis: a1 });
      const nodeA2 = testDeps(db, { redis: a2 });
      const nodeB = testDeps(db, { redis: b });
      expect((await rateLimiterFor(nodeA1, s).consume(key)).allowed).toBe(true);
      // the other node of deployment A shares the window …
      expect((await rateLimiterFor(nodeA2, s).consume(key)).allowed).toBe(false);
      // … deployment B does not
      expect((await rateLimiterFor(nodeB, s).consume(key)).allowed).toBe(true);

      const lockName = uniq('lock-');
      await lockStoreFor(nodeA1, lockName).lock(key, 60_000);
      expect(await lockStoreFor(nodeA2, lockName).lockedUntil(key)).not.toBeNull();
      expect(await lockStoreFor(nodeB, lockName).lockedUntil(key)).toBeNull();

      const raw = new Redis(url);
      try {
        // every key lives under its deployment's prefix
        expect(await raw.get(`${prefixA}:rl:${s.name}:${key}`)).toBe('2');
        expect(await raw.get(`${prefixB}:rl:${s.name}:${key}`)).toBe('1');
        const keys = [...(await raw.keys(`${prefixA}:*`)), ...(await raw.keys(`${prefixB}:*`))];
        await raw.del(...keys);
      } finally {
        raw.disconnect();
      }
      expect(redisChannel(a1, 'socket.io')).toBe(`${prefixA}:socket.io`);
    } finally {
      a1.disconnect();
      a2.disconnect();
      b.disconnect();
    }
  });

  it('refuses a prefix that would blur the namespace', () => {
    expect(() => createRedis('redis://127.0.0.1:6379', 'a:b', { lazyConnect: true })).toThrow();
    expect(() => createRedis('redis://127.0.0.1:6379', '', { lazyConnect: true })).toThrow();
  });
});
