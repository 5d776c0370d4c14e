/**
 * GameDeps for tests (`@necp/game/testing`): the one way every package's tests build them
 * (game, api, sim) — a FakeClock, a seeded rng, a silent log, the config a ticket needs,
 * and Redis when the test brings a client of its own namespace (testing/redis.ts).
 */
import type { Redis } from 'ioredis';
import type { Db } from '@necp/db';
import { FakeClock } from '../core/clock';
import type { GameDeps } from '../core/deps';
import { createLog, type Log } from '../core/log';
import { seededRng } from '../core/rng';

export type TestDeps = GameDeps & { clock: FakeClock };

export function testDeps(
  db: Db,
  o: { redis?: Redis; clock?: FakeClock; log?: Log } = {},
): TestDeps {
  return {
    db,
    clock: o.clock ?? new FakeClock(),
    rng: seededRng(1),
    log: o.log ?? createLog('test', 'silent'),
    ...(o.redis ? { redis: o.redis } : {}),
    config: {
      simTicketSecret: 'test-secret-0123456789abcdef',
      simPublicUrl: 'http://localhost:3001',
    },
  };
}
