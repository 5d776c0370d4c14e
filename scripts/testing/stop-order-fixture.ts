// scripts/start.ts in miniature, for stop-order.test.ts: the embedded PostgreSQL and one
// service that writes on its way out (as the sim saves every online character's position),
// stopped the way start.ts stops them (lib.ts stopOnSignals).
//   node --import tsx scripts/testing/stop-order-fixture.ts <dataDir> <port> run|count
import { createDb } from '@necp/db';
import { startEmbeddedPostgres } from '@necp/db/embedded';
import { run, stop, stopOnSignals, type Child } from '../lib';

const [dataDir, port, mode] = process.argv.slice(2);
if (!dataDir || !port || (mode !== 'run' && mode !== 'count'))
  throw new Error('usage: stop-order-fixture.ts <dataDir> <port> run|count');

const pg = await startEmbeddedPostgres({ dataDir, port: Number(port), database: 'necp' });
const running: Child[] = [];
const shutdown = stopOnSignals(async () => {
  await Promise.all(running.map((c) => stop(c, 15_000)));
  await pg.stop();
});
const db = createDb(pg.url, { max: 1 });
if (mode === 'count') {
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
    'select count(*)::int as n from final_save',
  );
  console.log(`final saves: ${row?.n}`);
  await db.$disconnect();
  await shutdown(0);
}
await db.$executeRawUnsafe('create table if not exists final_save (id serial primary key)');
await db.$disconnect();

const saver = run('saver', process.execPath, ['--import', 'tsx', 'scripts/testing/final-save.ts'], {
  env: { DATABASE_URL: pg.url },
});
running.push(saver);
