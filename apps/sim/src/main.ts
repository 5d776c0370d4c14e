/** `pnpm --filter @necp/sim start`: boots a sim from the environment (the worker: worker/main.ts). */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { MemoryZoneLeases, RedisZoneLeases } from '@necp/game';
import { loadEnv } from './env';
import { clusterBus } from './net/cluster-bus';
import { exitOnSignals, processDeps } from './process';
import { createSimServer } from './server';

const env = loadEnv();
const deps = processDeps(env, 'sim');
const { redis, log } = deps;

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
  // the other sims and the worker (whose subscribers push bans, stats, notifications,
  // quest and achievement news) reach this process's sockets through it
  bus: clusterBus(deps, env.DATABASE_URL),
  ...(env.SIM_RECORD_DIR ? { recordDir: env.SIM_RECORD_DIR } : {}),
  metricsToken: env.SIM_METRICS_TOKEN,
});
log.info(
  {
    simId,
    port: server.port,
    cors: env.SIM_CORS_ORIGIN,
    npcs: env.SIM_NPCS,
    zones: server.owned(),
  },
  'NECP sim up',
);

// kicks clients and saves every online character's position first
exitOnSignals(deps, () => server.close());
