/** `pnpm --filter @necp/sim worker`: boots the worker role from the environment (worker.ts). */
import { loadWorkerEnv } from '../env';
import { clusterBus } from '../net/cluster-bus';
import { exitOnSignals, processDeps } from '../process';
import { startWorker } from './worker';

const env = loadWorkerEnv();
const deps = processDeps(env, 'worker');
const worker = await startWorker({
  deps,
  databaseUrl: env.DATABASE_URL,
  bus: clusterBus(deps, env.DATABASE_URL),
  port: env.WORKER_PORT,
  webInternalUrl: env.WEB_INTERNAL_URL,
});
deps.log.info({ port: worker.port }, 'NECP worker up');
exitOnSignals(deps, () => worker.close());
