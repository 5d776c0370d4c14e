/**
 * One Redis per deployment namespace. Every key goes through ioredis' `keyPrefix`
 * (`<prefix>:`), so two deployments on one Redis never share a rate limit, a lock
 * or a ticket guard. `keyPrefix` does not apply to pub/sub channel names: build
 * those with `redisChannel`, which reads the same prefix from the client.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { z } from 'zod';

/** The default deployment namespace (`REDIS_PREFIX`). */
export const DEFAULT_REDIS_PREFIX = 'necp';

/** What `REDIS_PREFIX` may hold: short, no separators or spaces that would blur the namespace. */
export const RedisPrefixSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "_" and "-" only (1–64)');

export function createRedis(url: string, prefix: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { ...options, keyPrefix: `${RedisPrefixSchema.parse(prefix)}:` });
}

/** A pub/sub channel (or Socket.IO adapter key) in the client's deployment namespace. */
export function redisChannel(redis: Redis, name: string): string {
  return `${redis.options.keyPrefix ?? ''}${name}`;
}
