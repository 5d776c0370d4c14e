/**
 * Measures the sim's join path and idle memory (not a test, not the bench; run by hand
 * from apps/sim with DATABASE_URL set):
 *   node --expose-gc --import tsx src/testing/idle-probe/probe.ts N rate
 *   PROBE_PROFILE=/tmp/join.cpuprofile  CPU profile of the second wave of joins
 *   PROBE_SNAPSHOT=/tmp/idle            heap snapshots before any client and with 2N idle
 * The sim runs in this process (SIM_NPCS off, admission never refusing), N idle clients
 * join at `rate`/s from a child process, then N more: queries per join (Prisma's query
 * events), sim CPU per join (process.cpuUsage), join p50/p99, heap per connection
 * (after gc) and RSS per connection. Database `necp_h5_idle_probe`, dropped at the end.
 */
import { fork } from 'node:child_process';
import v8 from 'node:v8';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, pgConfigFromUrl } from '@necp/db';
import { createTestDatabase, createTestUser, testCharacterData } from '@necp/db/testing';
import { createLog, randomRng, signSimTicket, systemClock, type GameDeps } from '@necp/game';
import { createSimServer } from '../../server';

const N = Number(process.argv[2] ?? 500);
const RATE = Number(process.argv[3] ?? 100);
const tdb = await createTestDatabase('necp_h5_idle_probe');
const db = new PrismaClient({
  adapter: new PrismaPg({ ...pgConfigFromUrl(tdb.url), max: 10 }),
  log: [{ emit: 'event', level: 'query' }],
});
let queries = 0;
db.$on('query', () => void queries++);
const secret = 'probe-secret-0123456789-0123456789';
const people: { userId: string; characterId: string }[] = [];
for (let i = 0; i < 2 * N; i++) {
  const u = await createTestUser(db);
  const c = await db.character.create({
    data: { ...testCharacterData(u.id), x: 200 + (i % 100) * 4, y: 200 + Math.floor(i / 100) * 4 },
  });
  people.push({ userId: u.id, characterId: c.id });
}
const deps: GameDeps = {
  db,
  clock: systemClock,
  rng: randomRng(),
  log: createLog('probe', 'warn'),
  redis: undefined,
  config: { simTicketSecret: secret, simPublicUrl: 'http://127.0.0.1' },
};
const server = await createSimServer({
  deps,
  port: 0,
  host: '127.0.0.1',
  npcs: false,
  zoneIds: ['watson'],
  admission: { lagMs: () => 0 },
});
const url = `http://127.0.0.1:${server.port}`;
const child = fork(new URL('./probe-clients.ts', import.meta.url).pathname, {
  execArgv: ['--import', 'tsx'],
});
const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  return v8.getHeapStatistics().used_heap_size;
};
async function wave(from: number) {
  const tickets = await Promise.all(
    people
      .slice(from, from + N)
      .map((p) =>
        signSimTicket(
          secret,
          { userId: p.userId, characterId: p.characterId, role: 'PLAYER', sessionVersion: 0 },
          Date.now(),
        ).then((t) => t.ticket),
      ),
  );
  const q0 = queries;
  const cpu0 = process.cpuUsage();
  child.send({ url, tickets, perSecond: RATE });
  const res = await new Promise<{ joins: number[]; fails: Record<string, number> }>((r) =>
    child.once('message', r as never),
  );
  const cpu = process.cpuUsage(cpu0);
  const j = res.joins.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      joined: j.length,
      fails: res.fails,
      queriesPerJoin: (queries - q0) / Math.max(1, j.length),
      cpuMsPerJoin: (cpu.user + cpu.system) / 1000 / Math.max(1, j.length),
      joinP50: j[Math.floor(j.length / 2)],
      joinP99: j[Math.floor(j.length * 0.99)],
      load: (await import('node:os')).loadavg()[0],
    }),
  );
}
await new Promise((r) => setTimeout(r, 1000));
const h0 = heap();
const r0 = process.memoryUsage().rss;
if (process.env.PROBE_SNAPSHOT)
  v8.writeHeapSnapshot(`${process.env.PROBE_SNAPSHOT}-0.heapsnapshot`);
await wave(0);
await new Promise((r) => setTimeout(r, 2000));
const h1 = heap();
const prof = process.env.PROBE_PROFILE
  ? new (await import('node:inspector/promises')).Session()
  : undefined;
if (prof) {
  prof.connect();
  await prof.post('Profiler.enable');
  await prof.post('Profiler.start');
}
await wave(N);
if (prof) {
  const { profile } = await prof.post('Profiler.stop');
  (await import('node:fs')).writeFileSync(process.env.PROBE_PROFILE!, JSON.stringify(profile));
}
await new Promise((r) => setTimeout(r, 2000));
const h2 = heap();
const r2 = process.memoryUsage().rss;
if (process.env.PROBE_SNAPSHOT)
  v8.writeHeapSnapshot(`${process.env.PROBE_SNAPSHOT}-2.heapsnapshot`);
console.log(
  JSON.stringify({
    heapKBPerConnFirstN: (h1 - h0) / 1024 / N,
    heapKBPerConnSecondN: (h2 - h1) / 1024 / N,
    rssKBPerConn: (r2 - r0) / 1024 / (2 * N),
    heapMB: h2 / 1e6,
  }),
);
child.kill();
await server.close();
await db.$disconnect();
await tdb.drop();
process.exit(0);
