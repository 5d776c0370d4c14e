/**
 * Timed locks ("this key is barred until T") in the same stores as the rate
 * limiters. The deadline is computed from the injected clock and compared with
 * it, so a FakeClock can move past a lock in tests; the store's own expiry only
 * cleans up (in production both clocks agree).
 */
import type { Redis } from 'ioredis';
import type { Clock } from '../core/clock';
import { flexibleLimiter } from './rate-limiter';

export interface LockStore {
  readonly name: string;
  /** Bars key for durationMs from now (by the injected clock); returns the deadline. */
  lock(key: string, durationMs: number): Promise<Date>;
  /** The deadline if key is barred now, else null. */
  lockedUntil(key: string): Promise<Date | null>;
  unlock(key: string): Promise<void>;
}

/** under the deployment's Redis keyPrefix (core/redis.ts) */
export const LOCK_KEY_PREFIX = 'lock';

export function createLockStore(redis: Redis | undefined, clock: Clock, name: string): LockStore {
  // A limiter used as a key/value store: the stored "points" are the deadline in epoch ms.
  const store = flexibleLimiter(redis, {
    keyPrefix: `${LOCK_KEY_PREFIX}:${name}`,
    points: Number.MAX_SAFE_INTEGER,
    duration: 0,
  });
  return {
    name,
    async lock(key, durationMs) {
      const until = clock.ms() + durationMs;
      await store.set(key, until, Math.max(1, Math.ceil(durationMs / 1000)));
      return new Date(until);
    },
    async lockedUntil(key) {
      const res = await store.get(key);
      if (!res || res.consumedPoints <= clock.ms()) return null;
      return new Date(res.consumedPoints);
    },
    async unlock(key) {
      await store.delete(key);
    },
  };
}
