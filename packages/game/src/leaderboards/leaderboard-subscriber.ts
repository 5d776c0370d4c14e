import type { Redis } from 'ioredis';
import type { Clock } from '../core/clock';
import type { Log } from '../core/log';
import type { OutboxEvent } from '../outbox/events';
import type { OutboxSubscriber } from '../outbox/subscribers';
import { BOARD_SOURCES, LEADERBOARD_EVENT_TYPES } from './board-registry';
import { refreshSubjects } from './refresh-subjects';

export interface LeaderboardSubscriberOptions {
  redis: Redis;
  clock: Pick<Clock, 'now'>;
  log: Log;
}

/**
 * Outbox subscriber `leaderboards` (only where there is Redis: without it the boards
 * are read from PostgreSQL and need no feeding). For each board that listens to the
 * event's type (board-registry.ts `events`), the subjects it touches are read again
 * and written to the board's sorted sets. A Redis failure throws: the outbox retries
 * this subscriber alone after a backoff.
 */
export function leaderboardOutboxSubscriber(opts: LeaderboardSubscriberOptions): OutboxSubscriber {
  return {
    name: 'leaderboards',
    types: LEADERBOARD_EVENT_TYPES,
    async handle(tx, event: OutboxEvent) {
      for (const source of Object.values(BOARD_SOURCES)) {
        const touched = source.events[event.type] as
          | ((tx: unknown, payload: unknown) => Promise<readonly string[]> | readonly string[])
          | undefined;
        if (!touched) continue;
        const ids = await touched(tx, event.payload);
        if (ids.length === 0) continue;
        await refreshSubjects(tx, opts.redis, { board: source.key, ids, now: opts.clock.now() });
      }
    },
  };
}
