/**
 * `pnpm bench:web`: the web tier under an open-loop load (issue 12). A fresh bench
 * database, the production build served by `next start` (pinned to CPU 0; this sender
 * on CPU 1), signed-in players made through the real API, then one run per scenario
 * and rate: inventory.get, inventory.move, the landing page. Reports latency counted
 * from when each request was due, the achieved rate, errors, and the CPU of the web
 * process and of PostgreSQL; after the write runs, the ledger invariant check.
 * Results go into docs/perf.md between the web markers. Nothing asserts timings.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as prettier from 'prettier';
import { createDb } from '@necp/db';
import { checkInvariants } from '@necp/game';
import { benchPostgres } from '../database';
import { describeMachine, pinProcess, watchCpuMs } from '../machine';
import { freePort } from '../sim-process';
import { inclusiveShares } from '../profile-owners';
import { attachProfiler, type WindowProfiler } from '../window-profile';
import { parseWebArgs, type WebScenario } from './args';
import { openLoop, type OpenLoopRequest } from './open-loop';
import { createPlayer, inventoryGetPath, type BenchPlayer } from './players';
import { renderWebResults, writeWebResults, type WebRun } from './report';
import { startWeb, type WebServer } from './web-server';
import { step } from './steps';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const say = (msg: string) => console.log(`[bench:web] ${msg}`);
const WEB_CPU = 0;

/** Stages of a request, as inclusive shares of the web's busy samples (they overlap). */
const WEB_STAGES: Record<string, string[]> = {
  'session: readSession (cookie → checked session, all of it)': ['readSession'],
  'session: JWT decrypt/encrypt (jose)': ['/jose/', 'jwtDecrypt', 'EncryptJWT'],
  'session: database check (checkSession)': ['checkSession'],
  'tRPC handler (fetchRequestHandler)': ['fetchRequestHandler'],
  superjson: ['superjson'],
  'Prisma client and pg (all queries)': ['@prisma', '/pg/', 'pg-pool', 'pg-protocol'],
  'rate limiter': ['rate-limiter-flexible'],
  'React server render': ['react-dom', 'react-server-dom', 'renderToReadableStream'],
  'Next.js proxy (CSP)': ['proxy'],
  'compression (zlib)': ['zlib', 'Gzip', 'Deflate', 'brotli'],
  'garbage collection': ['(garbage collector)'],
};
const SENDER_CPU = 1;

function requestFor(scenario: WebScenario, players: BenchPlayer[]) {
  return (i: number): OpenLoopRequest => {
    const p = players[i % players.length]!;
    if (scenario === 'landing') return { method: 'GET', path: '/' };
    // a server-rendered page of the signed-in player: session check and their characters
    if (scenario === 'page')
      return { method: 'GET', path: '/characters', headers: { cookie: p.cookie } };
    if (scenario === 'get')
      return {
        method: 'GET',
        path: inventoryGetPath(p.characterId),
        headers: { cookie: p.cookie },
      };
    // the k-th move of a player: to the free slot and back (a move to where it lies is a no-op)
    const k = Math.floor(i / players.length);
    return {
      method: 'POST',
      path: '/api/trpc/inventory.move',
      headers: { cookie: p.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        json: { characterId: p.characterId, itemId: p.itemId, toSlot: p.slots[(k + 1) % 2] },
      }),
    };
  };
}

/** an answer that is not what the scenario asks for is an error, not a fast success */
function checkFor(scenario: WebScenario) {
  return (_status: number, body: string) => {
    if (scenario === 'landing') return body.includes('data-testid="cta-') ? undefined : 'no page';
    if (scenario === 'page')
      return body.includes('data-testid="character-card"') ? undefined : 'not the characters page';
    return body.startsWith('{"result"') ? undefined : 'not a result';
  };
}

/** Waits (up to a minute) until the web has drained what an earlier run queued. */
async function untilIdle(web: WebServer, log: (m: string) => void) {
  const until = Date.now() + 60_000;
  for (;;) {
    const a = web.cpuMs() ?? 0;
    await new Promise((r) => setTimeout(r, 1000));
    const pct = ((web.cpuMs() ?? 0) - a) / 10;
    if (pct < 5) return;
    if (Date.now() > until)
      return log(`the web is still busy (${pct.toFixed(0)} %); measuring anyway`);
  }
}

function skippedRun(scenario: WebScenario, rate: number, saturatedAt: number): WebRun {
  return {
    scenario,
    players: 0,
    rate,
    seconds: 0,
    sent: 0,
    answered: 0,
    ok: 0,
    errors: {},
    achievedRate: 0,
    p50: 0,
    p95: 0,
    p99: 0,
    max: 0,
    webCpuPct: 0,
    webCpuMsPerRequest: 0,
    pgCpuPct: 0,
    redisCpuPct: 0,
    load: [0, 0],
    skipped: `saturated at ${saturatedAt}/s`,
  };
}

async function main() {
  const args = parseWebArgs(process.argv.slice(2));
  const machine = describeMachine();
  say(`${machine.cpu}, ${machine.cores} cores`);
  const pg = await benchPostgres(root, say);
  const db = await pg.database('necp_bench_web');
  if (args.build) {
    say('building the web (next build)');
    // a profiled build keeps server function names (no minification) so profiles read
    await step('pnpm', ['--filter', '@necp/web', 'build'], root, {
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
      SIM_TICKET_SECRET: randomBytes(32).toString('hex'),
      ...(args.profile ? { NECP_PROFILE_BUILD: '1' } : {}),
    });
  }
  const pinned = args.pin && pinProcess(process.pid, SENDER_CPU);
  const inspectPort = args.profile ? await freePort() : undefined;
  const web = await startWeb({
    root,
    databaseUrl: db.url,
    logFile: path.join(root, '.data', 'bench', 'web.log'),
    ...(pinned ? { cpu: WEB_CPU } : {}),
    ...(inspectPort === undefined ? {} : { inspectPort }),
  });
  let profiler: WindowProfiler | undefined;
  try {
    say(`web pid ${web.pid} on ${web.origin}${pinned ? ' (CPU 0; sender on CPU 1)' : ''}`);
    const runId = randomBytes(3).toString('hex');
    const players: BenchPlayer[] = [];
    const t0 = performance.now();
    for (let i = 0; i < args.players; i += 5) {
      const batch = Array.from({ length: Math.min(5, args.players - i) }, (_, j) =>
        createPlayer(web.origin, `wb${runId}${i + j}`),
      );
      players.push(...(await Promise.all(batch)));
    }
    say(
      `${players.length} players signed in with a character in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    if (inspectPort !== undefined) profiler = await attachProfiler(inspectPort);

    const runs: WebRun[] = [];
    for (const scenario of args.only) {
      const request = requestFor(scenario, players);
      // warm-up: JIT, connection pools, caches — not measured. 5 s at 50/s was too short:
      // the first measured run of a fresh server cost up to twice the CPU per request of
      // the same rate a minute later (V8 still optimising Next's and our hot paths)
      await openLoop({
        origin: web.origin,
        rate: 100,
        seconds: 15,
        request,
        check: checkFor(scenario),
      });
      let saturatedAt: number | undefined;
      for (const rate of args[scenario]) {
        // a higher rate than one the web could not keep up with only measures a longer queue
        if (saturatedAt !== undefined) {
          say(`${scenario} @ ${rate}/s: skipped (saturated at ${saturatedAt}/s)`);
          runs.push(skippedRun(scenario, rate, saturatedAt));
          continue;
        }
        await untilIdle(web, say);
        const pgWatch = watchCpuMs(['postgres']);
        const redisWatch = watchCpuMs(['redis-server']);
        const web0 = web.cpuMs() ?? 0;
        const load0 = os.loadavg()[0] ?? 0;
        await profiler?.start();
        const w0 = performance.now();
        const r = await openLoop({
          origin: web.origin,
          rate,
          seconds: args.seconds,
          request,
          check: checkFor(scenario),
        });
        const wallMs = performance.now() - w0;
        const profile = await profiler?.stop();
        const webMs = (web.cpuMs() ?? 0) - web0;
        const run: WebRun = {
          scenario,
          players: scenario === 'landing' ? 0 : players.length,
          ...r,
          webCpuPct: (webMs / wallMs) * 100,
          webCpuMsPerRequest: webMs / Math.max(1, r.answered),
          pgCpuPct: (pgWatch() / wallMs) * 100,
          redisCpuPct: (redisWatch() / wallMs) * 100,
          load: [load0, os.loadavg()[0] ?? 0],
        };
        if (profile) {
          const file = path.join(
            root,
            '.data',
            'bench',
            'profiles',
            `web-${scenario}-${rate}.cpuprofile`,
          );
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, JSON.stringify(profile));
          say(`profile: ${path.relative(root, file)}`);
          const stages = inclusiveShares(profile, WEB_STAGES);
          for (const st of stages.shares)
            say(`  ${(st.share * 100).toFixed(0).padStart(3)} %  ${st.name}`);
        }
        runs.push(run);
        if (r.achievedRate < rate * 0.9 || (r.errors.timeout ?? 0) > 0) saturatedAt = rate;
        say(
          `${scenario} @ ${rate}/s: achieved ${r.achievedRate.toFixed(0)}/s, p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)} ms, ` +
            `web ${run.webCpuPct.toFixed(0)} % (${run.webCpuMsPerRequest.toFixed(2)} ms/req), PostgreSQL ${run.pgCpuPct.toFixed(0)} %, errors ${JSON.stringify(r.errors)}`,
        );
      }
    }

    // items and eddies still add up after the writes (SPEC rule 2)
    const check = createDb(db.url, { max: 2 });
    const diffs = await checkInvariants(check);
    await check.$disconnect();
    say(
      diffs.length === 0
        ? 'ledger invariants: ok'
        : `ledger invariants: ${diffs.length} difference(s)`,
    );

    const section = await prettier.format(
      renderWebResults({
        machine,
        command: `pnpm bench:web ${process.argv.slice(2).join(' ')}`.trim(),
        pinned,
        seconds: args.seconds,
        runs,
        ledgerDifferences: diffs.length,
        when: new Date(),
      }),
      { parser: 'markdown' },
    );
    console.log(section);
    if (args.write) {
      await writeWebResults(path.resolve(root, args.out), section);
      say(`results written to ${args.out}`);
    }
    if (diffs.length > 0) process.exitCode = 1;
  } finally {
    profiler?.close();
    await web.stop();
    await db.drop();
    await pg.stop();
  }
}

await main();
