/**
 * The process-wide GameDeps of the web app. Kept on globalThis because Next dev
 * re-evaluates modules on every hot reload, and each evaluation would otherwise
 * open a new database pool (and Redis connection) until PostgreSQL runs out.
 */
import { createDb } from '@necp/db';
import { createLog, createRedis, randomRng, systemClock, type GameDeps } from '@necp/game';
import type { Redis } from 'ioredis';
import { getServerEnv } from '@/env';

const holder = globalThis as typeof globalThis & { __necpWebDeps?: GameDeps };

export function getDeps(): GameDeps {
  if (holder.__necpWebDeps) return holder.__necpWebDeps;
  const env = getServerEnv();
  const log = createLog('web', env.LOG_LEVEL);
  let redis: Redis | undefined;
  if (env.REDIS_URL) {
    redis = createRedis(env.REDIS_URL, env.REDIS_PREFIX, { maxRetriesPerRequest: 2 });
    redis.on('error', (err) => log.warn({ err }, 'redis error'));
  }
  holder.__necpWebDeps = {
    db: createDb(env.DATABASE_URL),
    redis,
    clock: systemClock,
    rng: randomRng(),
    log,
    config: {
      simTicketSecret: env.SIM_TICKET_SECRET,
      simPublicUrl: env.SIM_PUBLIC_URL,
      ...(env.REGISTRATIONS_PER_IP_PER_HOUR
        ? { registrationsPerIpPerHour: env.REGISTRATIONS_PER_IP_PER_HOUR }
        : {}),
      ...(env.MAIL_DELIVERY_DELAY_MINUTES !== undefined
        ? { mailDeliveryDelayMs: env.MAIL_DELIVERY_DELAY_MINUTES * 60_000 }
        : {}),
    },
  };
  return holder.__necpWebDeps;
}
