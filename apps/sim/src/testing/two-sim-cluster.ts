/**
 * Two REAL sim processes for a cluster test file (apps/sim/src/main.ts as child
 * processes) on one Redis and a PostgreSQL database of their own: A runs Watson, B no
 * open-world zone (SIM_ZONES=none), NPCs off. Registers the file's beforeAll/afterAll
 * and waits until both publish their load (the instance launcher picks from those).
 */
import { afterAll, beforeAll } from 'vitest';
import type { Redis } from 'ioredis';
import { createDb, type Db } from '@necp/db';
import type { TestDatabase } from '@necp/db/testing';
import { SimLoadRegistry } from '@necp/game';
import { eventually } from './eventually';
import { oneClusterAtATime } from './one-cluster-at-a-time';
import { SimProcesses, type SimProcess } from './sim-processes';
import { ownTestDatabase } from './test-db';
import { disposeTestRedis, testRedis, testRedisPrefix } from '@necp/game/testing';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TwoSimCluster {
  db: Db;
  redis: Redis;
  sims: SimProcesses;
  /** runs Watson */
  a: SimProcess;
  /** runs no open-world zone: only the instances it is chosen for */
  b: SimProcess;
}

/** `name` names the test database and the Redis prefix; read the cluster inside tests. */
export function twoSimCluster(name: string): () => TwoSimCluster {
  let testDb: TestDatabase | undefined;
  let c: TwoSimCluster | undefined;
  // apart from c: a start that times out leaves processes that must still be stopped (else
  // they outlive the file, on a dropped database, and keep vitest from exiting)
  let started: { sims: SimProcesses; redis: Redis; db: Db } | undefined;
  oneClusterAtATime();
  beforeAll(async () => {
    testDb = await ownTestDatabase(`necp_test_${name}_${process.pid}`);
    const db = createDb(testDb.url, { max: 3 });
    const prefix = testRedisPrefix(name.slice(0, 4));
    const redis = testRedis(prefix);
    const sims = new SimProcesses({
      db,
      dbUrl: testDb.url,
      redisUrl: REDIS_URL,
      prefix,
      redis,
      env: { SIM_NPCS: 'off' },
    });
    started = { sims, redis, db };
    const [a, b] = await Promise.all([sims.start('watson'), sims.start('none')]);
    c = { db, redis, sims, a, b };
    await sims.holds(a, 'watson', 60_000);
    const loads = new SimLoadRegistry(redis);
    await eventually(
      'both sims publish their load',
      async () => {
        const urls = (await loads.live(Date.now())).map((l) => l.url);
        return urls.includes(a.url) && urls.includes(b.url) ? true : undefined;
      },
      60_000,
    );
    // the processes' start, Watson's lease and the loads each have a minute: under a loaded
    // clean-clone run, with other process-spawning files beside it, the whole took past 120 s
  }, 240_000);

  afterAll(async () => {
    await started?.sims.stop();
    // the sims' keys too (zone tokens, loads: no expiry)
    if (started) await disposeTestRedis(started.redis);
    await started?.db.$disconnect();
    await testDb?.drop();
  }, 60_000);

  return () => {
    if (!c) throw new Error('the cluster is not started (read it inside a test)');
    return c;
  };
}
