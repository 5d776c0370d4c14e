/**
 * Redis for tests (`@necp/game/testing`): every test's keys under a namespace of its own
 * (a prefix, as a deployment's REDIS_PREFIX), so runs at once never see each other's
 * counters, and dropped when the test is done — a zone's fencing token or a sim's load
 * has no expiry, and each run left some behind.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createRedis } from '../core/redis';

export const testRedisUrl = () => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A fresh namespace: `name` (what the test is) and random letters, a valid REDIS_PREFIX. */
export const testRedisPrefix = (name = 'necp-test') => `${name}-${randomBytes(4).toString('hex')}`;

/** A client in `prefix`'s namespace (a fresh one by default). */
export const testRedis = (prefix = testRedisPrefix()): Redis => createRedis(testRedisUrl(), prefix);

/** Deletes every key in `prefix`'s namespace (`<prefix>:…`), whoever wrote it. */
export async function dropRedisPrefix(prefix: string): Promise<number> {
  // unprefixed: ioredis does not put its keyPrefix on SCAN's pattern
  const raw = new Redis(testRedisUrl());
  let dropped = 0;
  try {
    for await (const keys of raw.scanStream({ match: `${prefix}:*`, count: 500 }) as AsyncIterable<
      string[]
    >) {
      if (keys.length > 0) dropped += await raw.unlink(...keys);
    }
  } finally {
    raw.disconnect();
  }
  return dropped;
}

/** Drops the namespace of a client from testRedis (or createRedis) and disconnects it. */
export async function disposeTestRedis(redis: Redis): Promise<void> {
  try {
    const prefix = redis.options.keyPrefix;
    if (prefix) await dropRedisPrefix(prefix.replace(/:$/, ''));
  } finally {
    redis.disconnect();
  }
}
