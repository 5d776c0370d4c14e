/**
 * The process-wide deps of the web app (packages/api host/deps.ts builds them). Kept on
 * globalThis because Next dev re-evaluates modules on every hot reload, and each
 * evaluation would otherwise open a new database pool (and Redis connection) until
 * PostgreSQL runs out.
 */
import { createHostDeps, type HostDeps } from '@necp/api/host';
import { getServerEnv } from '@/env';

const holder = globalThis as typeof globalThis & { __necpWebDeps?: HostDeps };

export function getDeps(): HostDeps {
  if (holder.__necpWebDeps) return holder.__necpWebDeps;
  const env = getServerEnv();
  holder.__necpWebDeps = createHostDeps({
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    logLevel: env.LOG_LEVEL,
    simTicketSecret: env.SIM_TICKET_SECRET,
    simPublicUrl: env.SIM_PUBLIC_URL,
    registrationsPerIpPerHour: env.REGISTRATIONS_PER_IP_PER_HOUR,
    mailDeliveryDelayMinutes: env.MAIL_DELIVERY_DELAY_MINUTES,
  });
  return holder.__necpWebDeps;
}
