import type { Redis } from 'ioredis';
import type { Clock } from '../core/clock';
import type { GameDeps } from '../core/deps';
import type { Log } from '../core/log';
import type { MatchmakingStore } from './matchmaking-store';
import { MemoryMatchmakingStore } from './memory-store';
import { RedisMatchmakingStore } from './redis-store';

/** What the matchmaking services take: the database (parties, ratings, penalties), the clock and the store. */
export interface MatchmakingDeps extends Pick<GameDeps, 'db' | 'clock'> {
  store: MatchmakingStore;
}

/**
 * Redis when the deployment has it (every sim process shares the queues), else this
 * process's memory. `log` hears of values the Redis store cannot read.
 */
export function createMatchmakingStore(deps: {
  redis?: Redis;
  clock: Clock;
  log?: Log;
}): MatchmakingStore {
  return deps.redis
    ? new RedisMatchmakingStore(deps.redis, deps.log)
    : new MemoryMatchmakingStore(deps.clock);
}
