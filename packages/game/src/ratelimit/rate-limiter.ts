/**
 * Rate limiting every domain can reuse: one small interface over
 * rate-limiter-flexible. With deps.redis the counters live in Redis and are shared
 * by every node; without it they live in this process.
 */
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export interface RateLimitSpec {
  /** unique per purpose ('login-ip', 'chat-say' …); part of the storage key */
  name: string;
  /** hits allowed per window */
  points: number;
  /** window length in seconds, counted from the first hit of the window */
  durationSec: number;
}

export interface RateLimitResult {
  /** consume(): whether this hit fitted in the window. peek(): whether one more would. */
  allowed: boolean;
  /** hits recorded in the current window */
  consumed: number;
  remaining: number;
  /** until the window resets; 0 when nothing is recorded */
  msBeforeReset: number;
}

export interface RateLimiter {
  readonly spec: RateLimitSpec;
  /** Records `points` hits for key. Never throws for being over the limit: check `allowed`. */
  consume(key: string, points?: number): Promise<RateLimitResult>;
  /** Reads the current window without recording a hit. */
  peek(key: string): Promise<RateLimitResult>;
  reset(key: string): Promise<void>;
}

/** under the deployment's Redis keyPrefix (core/redis.ts), so the full key is `<REDIS_PREFIX>:rl:…` */
export const RATE_LIMIT_KEY_PREFIX = 'rl';

/** The rate-limiter-flexible instance for a spec: Redis-backed when a client is given. */
export function flexibleLimiter(
  redis: Redis | undefined,
  opts: { keyPrefix: string; points: number; duration: number },
): RateLimiterAbstract {
  if (!redis) return new RateLimiterMemory(opts);
  // If Redis is unreachable, keep limiting inside this process instead of failing every request.
  return new RateLimiterRedis({
    ...opts,
    storeClient: redis,
    insuranceLimiter: new RateLimiterMemory(opts),
  });
}

export function createRateLimiter(redis: Redis | undefined, spec: RateLimitSpec): RateLimiter {
  const rl = flexibleLimiter(redis, {
    keyPrefix: `${RATE_LIMIT_KEY_PREFIX}:${spec.name}`,
    points: spec.points,
    duration: spec.durationSec,
  });
  const result = (res: RateLimiterRes, allowed: boolean): RateLimitResult => ({
    allowed,
    consumed: res.consumedPoints,
    remaining: Math.max(spec.points - res.consumedPoints, 0),
    msBeforeReset: Math.max(res.msBeforeNext, 0),
  });
  return {
    spec,
    async consume(key, points = 1) {
      try {
        return result(await rl.consume(key, points), true);
      } catch (e) {
        // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error on store failure
        if (e instanceof RateLimiterRes) return result(e, false);
        throw e;
      }
    },
    async peek(key) {
      const res = await rl.get(key);
      if (!res)
        return { allowed: spec.points > 0, consumed: 0, remaining: spec.points, msBeforeReset: 0 };
      return result(res, res.consumedPoints < spec.points);
    },
    async reset(key) {
      await rl.delete(key);
    },
  };
}
