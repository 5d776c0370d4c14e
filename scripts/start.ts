// `npm start` (scripts/bootstrap.mjs, then this): brings up the whole game on one machine.
// With DATABASE_URL it uses that PostgreSQL; without it, an embedded PostgreSQL with
// its data in .data/pg (the world persists between runs). Then: migrate, seed content,
// build the web app, and run web (http://localhost:3000), sim (ws on :3001) and the
// worker (background jobs; health on :3002) side by side.
// `pnpm dev` does the same with `next dev` and a watching sim. Ctrl+C or SIGTERM stops
// the build, web and sim first and the database last (lib.ts stopOnSignals).
import path from 'node:path';
import { migrateDeploy, seedContent, createDb } from '@necp/db';
import { startEmbeddedPostgres } from '@necp/db/embedded';
import { localSecrets, root, run, stop, stopOnSignals, waitForHttp, type Child } from './lib';

const dev = process.argv.includes('--dev');
const webPort = Number(process.env.PORT ?? 3000);
const simPort = Number(process.env.SIM_PORT ?? 3001);
const workerPort = Number(process.env.WORKER_PORT ?? 3002);

// Stop order: the build, web, sim and worker first — the sim saves every online character's
// position before it exits (it gives up after 10 s) — then the database they write to.
const running: { child: Child; graceMs: number }[] = [];
let stopDb: (() => Promise<void>) | undefined;
let stopping = false;
const shutdown = stopOnSignals(async () => {
  stopping = true;
  await Promise.all(running.map(({ child, graceMs }) => stop(child, graceMs)));
  await stopDb?.();
});

let url = process.env.DATABASE_URL;
if (!url) {
  const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54320);
  console.log(`[start] no DATABASE_URL: starting embedded PostgreSQL on 127.0.0.1:${pgPort}`);
  const e = await startEmbeddedPostgres({
    dataDir: path.join(root, '.data', 'pg'),
    port: pgPort,
    database: 'necp',
    log: (m) => console.log(`[postgres] ${m}`),
  });
  url = e.url;
  stopDb = e.stop;
}

console.log('[start] applying migrations');
await migrateDeploy(url);
const db = createDb(url, { max: 1 });
const seeded = await seedContent(db);
await db.$disconnect();
console.log(`[start] content seeded: ${seeded.zones} zones, ${seeded.spawnPoints} spawn points`);

const secrets = localSecrets();
const publicHost = process.env.PUBLIC_HOST ?? 'localhost';
const env: NodeJS.ProcessEnv = {
  DATABASE_URL: url,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.nextAuthSecret,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://${publicHost}:${webPort}`,
  SIM_TICKET_SECRET: process.env.SIM_TICKET_SECRET ?? secrets.simTicketSecret,
  SIM_PORT: String(simPort),
  SIM_PUBLIC_URL: process.env.SIM_PUBLIC_URL ?? `http://${publicHost}:${simPort}`,
  SIM_CORS_ORIGIN: process.env.SIM_CORS_ORIGIN ?? `http://${publicHost}:${webPort}`,
  WORKER_PORT: String(workerPort),
  // the worker tells the web which public pages changed (docs/leaderboards.md, "Caching and revalidation")
  WEB_INTERNAL_URL: process.env.WEB_INTERNAL_URL ?? `http://127.0.0.1:${webPort}`,
};

if (!dev && !process.argv.includes('--no-build')) {
  console.log('[start] building the web app (next build)');
  const build = run('build', 'pnpm', ['--filter', '@necp/web', 'build'], { env });
  running.push({ child: build, graceMs: 5_000 });
  const code = await build.done;
  running.length = 0;
  if (code !== 0) {
    console.error(`[start] build failed (exit ${code})`);
    await shutdown(1);
  }
}

const sim = run('sim', 'pnpm', ['--filter', '@necp/sim', dev ? 'dev' : 'start'], { env });
// the background jobs (outbox subscribers, season and daily jobs, page revalidation):
// apart from the realtime loop, pushing to the sim's players through PostgreSQL or Redis
const worker = run('worker', 'pnpm', ['--filter', '@necp/sim', dev ? 'dev:worker' : 'worker'], {
  env,
});
const web = run('web', 'pnpm', ['--filter', '@necp/web', dev ? 'dev' : 'start'], {
  env: { ...env, PORT: String(webPort) },
});
running.push(
  { child: web, graceMs: 5_000 },
  { child: sim, graceMs: 15_000 },
  { child: worker, graceMs: 15_000 },
);
for (const [name, child] of [
  ['sim', sim],
  ['worker', worker],
  ['web', web],
] as const) {
  void child.done.then((c) => {
    if (stopping) return;
    console.error(`[start] ${name} exited (${c})`);
    void shutdown(1);
  });
}

await waitForHttp(`http://127.0.0.1:${webPort}/`, 120_000);
console.log(
  `\n[start] NECP is up: open http://${publicHost}:${webPort}  (sim on :${simPort}, worker on :${workerPort}; Ctrl+C stops)\n`,
);
