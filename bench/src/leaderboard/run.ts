/**
 * `pnpm bench:leaderboard` (issue 14): the public leaderboard pages over a million
 * ranked characters. A database of its own (never the test database), a million
 * characters seeded in a few set-based statements (seed.ts), the Redis boards
 * rebuilt from it under a REDIS_PREFIX of the run's own, the production web (`next
 * start`) serving a private copy of the build, then closed-loop runs of each scenario
 * (scenarios.ts): board pages cached and cold-rendered, the first page and a deep one,
 * the class filter, tRPC `leaderboards.around`, profiles — first with Redis, then
 * with the web started without REDIS_URL (the PostgreSQL fallback). Results go into
 * docs/perf.md between the leaderboard markers. Nothing asserts timings.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as prettier from 'prettier';
import { createDb, withDatabase } from '@necp/db';
import { createLog, createRedis, rebuildBoard, systemClock } from '@necp/game';
import { LEADERBOARD_KEYS } from '@necp/shared';
import { benchPostgres } from '../database';
import { describeMachine, watchCpuMs } from '../machine';
import { step } from '../web/steps';
import { startWeb, type WebServer } from '../web/web-server';
import { parseLbArgs, type LbMode } from './args';
import { closedLoop } from './closed-loop';
import { renderLbResults, writeLbResults, type LbRun, type LbSetup } from './report';
import { scenarioCheck, scenarioRequests, type ScenarioCursor } from './scenarios';
import { seedRankedCharacters } from './seed';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const webDir = path.join(root, 'apps', 'web');
/** the private copy of the build the bench serves (next.config.ts reads NECP_NEXT_DIST_DIR) */
const DIST = '.next-bench';
const DB_NAME = 'necp_bench_leaderboard';
const say = (msg: string) => console.log(`[bench:leaderboard] ${msg}`);
const secs = (t0: number) => (performance.now() - t0) / 1000;

/** A fresh copy of the build for one web process: its cached pages start empty and stay its own. */
function copyBuild(): void {
  const dist = path.join(webDir, DIST);
  fs.rmSync(dist, { recursive: true, force: true });
  fs.cpSync(path.join(webDir, '.next'), dist, {
    recursive: true,
    filter: (src) => !src.startsWith(path.join(webDir, '.next', 'cache')),
  });
}

/** Deletes every key under `prefix:` (the run's own namespace). */
async function dropNamespace(url: string, prefix: string): Promise<number> {
  // SCAN's pattern and answers are whole key names; other commands add the client's prefix
  const raw = createRedis(url, prefix);
  let n = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await raw.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) n += await raw.unlink(...keys.map((k) => k.slice(prefix.length + 1)));
    } while (cursor !== '0');
  } finally {
    raw.disconnect();
  }
  return n;
}

async function usedMemory(url: string, prefix: string): Promise<number> {
  const raw = createRedis(url, prefix);
  try {
    const info = await raw.info('memory');
    return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
  } finally {
    raw.disconnect();
  }
}

async function main() {
  const args = parseLbArgs(process.argv.slice(2));
  const machine = describeMachine();
  say(`${machine.cpu}, ${machine.cores} cores`);
  const redisUrl = process.env.REDIS_URL;
  if (args.modes.includes('redis') && !redisUrl) {
    console.error('the redis mode needs REDIS_URL (or run with --modes postgres)');
    process.exit(2);
  }
  const prefix = `lbbench${randomBytes(3).toString('hex')}`;
  const pg = await benchPostgres(root, say);
  let drop = async () => {};
  let web: WebServer | undefined;
  try {
    let url: string;
    let seedSeconds: number | null = null;
    if (args.reuseDb) {
      url = withDatabase(process.env.DATABASE_URL!, DB_NAME);
      say(`reusing ${DB_NAME}`);
    } else {
      say(`creating ${DB_NAME} (migrate + seed content)`);
      const db = await pg.database(DB_NAME);
      url = db.url;
      if (!args.keepDb) drop = () => db.drop();
      const seeding = createDb(url, { max: 2 });
      const t0 = performance.now();
      say(`seeding ${args.characters.toLocaleString('en-US')} characters`);
      await seedRankedCharacters(seeding, args, say);
      seedSeconds = secs(t0);
      await seeding.$disconnect();
      say(`seeded in ${seedSeconds.toFixed(1)} s`);
    }
    const db = createDb(url, { max: 4 });
    const [counts] = await db.$queryRaw<{ characters: number; listed: number; guilds: number }[]>`
      SELECT count(*)::int AS "characters",
        (count(*) FILTER (WHERE c."deletedAt" IS NULL AND (u."bannedUntil" IS NULL OR u."bannedUntil" <= now())))::int AS "listed",
        (SELECT count(*)::int FROM "Guild") AS "guilds"
      FROM "Character" c JOIN "User" u ON u."id" = c."userId"`;
    const setup: LbSetup = {
      characters: counts!.characters,
      listed: counts!.listed,
      guilds: counts!.guilds,
      seedSeconds,
      rebuilds: [],
      redisMb: null,
    };

    if (args.build) {
      say('building the web (next build)');
      await step('pnpm', ['--filter', '@necp/web', 'build'], root, {
        DATABASE_URL: url,
        NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
        SIM_TICKET_SECRET: randomBytes(32).toString('hex'),
      });
    }

    const runs: LbRun[] = [];
    for (const mode of args.modes) {
      if (mode === 'redis') {
        const redis = createRedis(redisUrl!, prefix);
        const deps = { db, redis, clock: systemClock, log: createLog('bench', 'warn') };
        const before = await usedMemory(redisUrl!, prefix);
        for (const board of LEADERBOARD_KEYS) {
          const t0 = performance.now();
          const r = await rebuildBoard(deps, board);
          if ('busy' in r) throw new Error(`${board}: a rebuild is already running`);
          setup.rebuilds.push({ board, rows: r.rows, seconds: secs(t0) });
          say(`redis ${prefix}: ${board} rebuilt, ${r.rows} rows in ${secs(t0).toFixed(1)} s`);
        }
        setup.redisMb = ((await usedMemory(redisUrl!, prefix)) - before) / 2 ** 20;
        redis.disconnect();
      }
      web = await startMode(mode, url, redisUrl, prefix);
      runs.push(...(await measureMode(mode, web, args, setup.characters)));
      await web.stop();
      web = undefined;
    }
    await db.$disconnect();

    const section = await prettier.format(
      renderLbResults({
        machine,
        command: `pnpm bench:leaderboard ${process.argv.slice(2).join(' ')}`.trim(),
        when: new Date(),
        seconds: args.seconds,
        setup,
        runs,
      }),
      { parser: 'markdown' },
    );
    console.log(section);
    fs.mkdirSync(path.join(root, '.data', 'bench'), { recursive: true });
    fs.writeFileSync(
      path.join(
        root,
        '.data',
        'bench',
        `leaderboard-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
      ),
      JSON.stringify({ setup, runs }, null, 2),
    );
    if (args.write) {
      await writeLbResults(path.resolve(root, args.out), section);
      say(`results written to ${args.out}`);
    }
  } finally {
    await web?.stop();
    fs.rmSync(path.join(webDir, DIST), { recursive: true, force: true });
    if (redisUrl)
      say(`redis: ${await dropNamespace(redisUrl, prefix)} key(s) of ${prefix} deleted`);
    await drop();
    await pg.stop();
  }
}

async function startMode(
  mode: LbMode,
  url: string,
  redisUrl: string | undefined,
  prefix: string,
): Promise<WebServer> {
  copyBuild();
  const web = await startWeb({
    root,
    databaseUrl: url,
    logFile: path.join(root, '.data', 'bench', `leaderboard-web-${mode}.log`),
    env: {
      NECP_NEXT_DIST_DIR: DIST,
      ...(mode === 'redis'
        ? { REDIS_URL: redisUrl, REDIS_PREFIX: prefix }
        : { REDIS_URL: undefined, REDIS_PREFIX: undefined }),
    },
  });
  say(`web (${mode}) pid ${web.pid} on ${web.origin}`);
  return web;
}

async function measureMode(
  mode: LbMode,
  web: WebServer,
  args: ReturnType<typeof parseLbArgs>,
  characters: number,
): Promise<LbRun[]> {
  const cursor: ScenarioCursor = { used: new Map() };
  const runs: LbRun[] = [];
  // warm-up: JIT, pools, Next's route modules — not measured
  for (const scenario of ['top-cold', 'around', 'profile-cold'] as const) {
    const s = scenarioRequests(scenario, { characters, deepPage: args.deepPage, cursor });
    await closedLoop({
      origin: web.origin,
      concurrency: 2,
      seconds: mode === 'redis' ? 5 : 3,
      request: s.request,
      check: scenarioCheck(scenario),
    });
  }
  for (const scenario of args.only) {
    for (const concurrency of args.concurrency) {
      const s = scenarioRequests(scenario, { characters, deepPage: args.deepPage, cursor });
      if (s.warm) {
        const w = await closedLoop({
          origin: web.origin,
          concurrency: 1,
          seconds: 0.001,
          request: () => s.warm!,
          check: scenarioCheck(scenario),
        });
        if (w.ok === 0) say(`${scenario}: the warming request failed ${JSON.stringify(w.errors)}`);
      }
      const pgWatch = watchCpuMs(['postgres']);
      const redisWatch = watchCpuMs(['redis-server']);
      const web0 = web.cpuMs() ?? 0;
      const r = await closedLoop({
        origin: web.origin,
        concurrency,
        seconds: args.seconds,
        request: s.request,
        check: scenarioCheck(scenario),
      });
      const webMs = (web.cpuMs() ?? 0) - web0;
      const answered = r.ok + Object.values(r.errors).reduce((a, b) => a + b, 0);
      const run: LbRun = {
        ...r,
        mode,
        scenario,
        describe: s.describe,
        webCpuMsPerRequest: webMs / Math.max(1, answered),
        webCpuPct: (webMs / r.wallMs) * 100,
        pgCpuPct: (pgWatch() / r.wallMs) * 100,
        redisCpuPct: (redisWatch() / r.wallMs) * 100,
      };
      runs.push(run);
      say(
        `${mode} ${scenario} ×${concurrency}: ${r.throughput.toFixed(1)}/s, p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)} p99 ${r.p99.toFixed(1)} ms, ok ${r.ok}, errors ${JSON.stringify(r.errors)}, web ${run.webCpuMsPerRequest.toFixed(1)} ms/req, PostgreSQL ${run.pgCpuPct.toFixed(0)} %`,
      );
    }
  }
  return runs;
}

await main();
