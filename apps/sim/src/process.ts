/** What the two entry points (main.ts: the sim; worker/main.ts: the worker) share. */
import { createDb } from '@necp/db';
import {
  createLog,
  createRedis,
  randomRng,
  seededRng,
  systemClock,
  type GameDeps,
  type Log,
} from '@necp/game';
import type { SimEnv, WorkerEnv } from './env';

/** A shutdown that hangs (DB unreachable) must not keep the process alive forever. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/** The domain's dependencies from the environment (one database client, Redis if set). */
export function processDeps(
  env: SimEnv | WorkerEnv,
  role: 'sim' | 'worker',
): GameDeps & { log: Log } {
  const log = createLog(role, env.LOG_LEVEL);
  return {
    db: createDb(env.DATABASE_URL),
    clock: systemClock,
    rng: 'SIM_SEED' in env && env.SIM_SEED !== undefined ? seededRng(env.SIM_SEED) : randomRng(),
    log,
    redis: env.REDIS_URL
      ? createRedis(env.REDIS_URL, env.REDIS_PREFIX, { maxRetriesPerRequest: 3 })
      : undefined,
    config: {
      simTicketSecret: env.SIM_TICKET_SECRET,
      simPublicUrl: 'SIM_PUBLIC_URL' in env ? env.SIM_PUBLIC_URL : '',
      chatFilterWords: env.CHAT_FILTER_WORDS,
    },
  };
}

/**
 * SIGTERM and SIGINT stop the process once: `stop` runs, then the database and Redis
 * clients close; exit code 1 if anything failed or it took over 10 s.
 */
export function exitOnSignals(deps: GameDeps, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      deps.log.error('shutdown timed out');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    let code = 0;
    try {
      await stop();
    } catch (err) {
      deps.log.error({ err }, 'shutdown failed');
      code = 1;
    }
    // the clients' lifecycle, not a query (the domain makes those)
    const { db, redis } = deps;
    await db.$disconnect().catch(() => undefined);
    await redis?.quit().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
