/** `pnpm --filter @necp/sim start`: boots the sim from the environment. */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createDb } from '@necp/db';
import {
  MemoryZoneLeases,
  RedisZoneLeases,
  createLog,
  createRedis,
  internalRequestKey,
  randomRng,
  seededRng,
  systemClock,
  type GameDeps,
  type OutboxWorker,
} from '@necp/game';
import { loadEnv } from './env';
import { startSimOutboxWorker } from './outbox-wiring';
import { PageRevalidator } from './public-pages/page-revalidator';
import { createSimServer } from './server';

/** A shutdown that hangs (DB unreachable) must not keep the process alive forever. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const env = loadEnv();
const log = createLog('sim', env.LOG_LEVEL);
const db = createDb(env.DATABASE_URL);
const redis = env.REDIS_URL
  ? createRedis(env.REDIS_URL, env.REDIS_PREFIX, { maxRetriesPerRequest: 3 })
  : undefined;
const deps: GameDeps = {
  db,
  clock: systemClock,
  rng: env.SIM_SEED === undefined ? randomRng() : seededRng(env.SIM_SEED),
  log,
  redis,
  config: {
    simTicketSecret: env.SIM_TICKET_SECRET,
    simPublicUrl: env.SIM_PUBLIC_URL,
    chatFilterWords: env.CHAT_FILTER_WORDS,
  },
};

// one id per process start: a restarted process is a new owner, never mistaken for the old one
const simId = `${hostname()}:${env.SIM_PORT}:${randomUUID().slice(0, 8)}`;
const server = await createSimServer({
  deps,
  port: env.SIM_PORT,
  corsOrigin: env.SIM_CORS_ORIGIN,
  npcs: env.SIM_NPCS === 'on',
  ...(env.SIM_ZONES ? { zoneIds: env.SIM_ZONES } : {}),
  // with Redis, zones are spread over the sim processes by leases; alone, it runs them all
  cluster: {
    leases: redis
      ? new RedisZoneLeases(redis, { ownerId: simId, url: env.SIM_PUBLIC_URL })
      : new MemoryZoneLeases(simId, env.SIM_PUBLIC_URL),
  },
  ...(env.SIM_RECORD_DIR ? { recordDir: env.SIM_RECORD_DIR } : {}),
  metricsToken: env.SIM_METRICS_TOKEN,
});
// domain events (kills, pickups, areas, item uses) reach the quest and reputation
// subscribers through this worker; their notices go to the players' socket rooms.
// Bans, revoked sessions and stats changes reach every sim node from here too.
// With WEB_INTERNAL_URL the worker also tells the web which public pages changed
// (docs/leaderboards.md, "Caching and revalidation"); without it they expire in their minute.
const pages =
  env.OUTBOX_WORKER === 'on' && env.WEB_INTERNAL_URL
    ? new PageRevalidator({
        webUrl: env.WEB_INTERNAL_URL,
        key: internalRequestKey(env.SIM_TICKET_SECRET),
        log: log.child({ component: 'page-revalidator' }),
      })
    : undefined;
const outbox: OutboxWorker | undefined =
  env.OUTBOX_WORKER === 'on'
    ? await startSimOutboxWorker(deps, server.pushes, {
        connectionString: env.DATABASE_URL,
        ...(pages ? { revalidatePages: (paths) => pages.add(paths) } : {}),
      })
    : undefined;
log.info(
  {
    simId,
    port: server.port,
    cors: env.SIM_CORS_ORIGIN,
    outboxWorker: env.OUTBOX_WORKER,
    revalidatesPages: pages !== undefined,
    npcs: env.SIM_NPCS,
    zones: server.owned(),
  },
  'NECP sim up',
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: kicking clients and saving positions');
  setTimeout(() => {
    log.error('shutdown timed out');
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS).unref();
  let code = 0;
  try {
    await server.close();
  } catch (err) {
    log.error({ err }, 'shutdown failed');
    code = 1;
  }
  await outbox?.stop().catch((err: unknown) => {
    log.error({ err }, 'stopping the outbox worker failed');
    code = 1;
  });
  await pages?.stop();
  await db.$disconnect().catch(() => undefined);
  await redis?.quit().catch(() => undefined);
  process.exit(code);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
