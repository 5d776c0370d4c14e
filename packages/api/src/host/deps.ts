/**
 * The GameDeps a web process serves with (the tRPC handler, sign-in, the public
 * pages): built from the web's parsed env. The web reaches the domain only through
 * packages/api, so this is where its database pool and Redis connection are made.
 */
import { createDb } from '@necp/db';
import { createLog, createRedis, randomRng, systemClock, type GameDeps } from '@necp/game';

export type HostDeps = GameDeps;

/** What the web's env says about the services and the game's settings. */
export interface HostSettings {
  databaseUrl: string;
  redisUrl?: string;
  redisPrefix: string;
  logLevel: string;
  simTicketSecret: string;
  simPublicUrl: string;
  registrationsPerIpPerHour?: number;
  mailDeliveryDelayMinutes?: number;
}

export function createHostDeps(s: HostSettings): HostDeps {
  const log = createLog('web', s.logLevel);
  let redis: GameDeps['redis'];
  if (s.redisUrl) {
    redis = createRedis(s.redisUrl, s.redisPrefix, { maxRetriesPerRequest: 2 });
    redis.on('error', (err) => log.warn({ err }, 'redis error'));
  }
  return {
    db: createDb(s.databaseUrl),
    redis,
    clock: systemClock,
    rng: randomRng(),
    log,
    config: {
      simTicketSecret: s.simTicketSecret,
      simPublicUrl: s.simPublicUrl,
      ...(s.registrationsPerIpPerHour
        ? { registrationsPerIpPerHour: s.registrationsPerIpPerHour }
        : {}),
      ...(s.mailDeliveryDelayMinutes !== undefined
        ? { mailDeliveryDelayMs: s.mailDeliveryDelayMinutes * 60_000 }
        : {}),
    },
  };
}
