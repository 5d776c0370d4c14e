/**
 * The numbers of one chat run: what the bench, the machine and the sims did over the
 * window, and what the bot threads' reports add up to (deliveries, latency, ticks,
 * CPU). Kept apart from run.ts, which sets each run up and drives it.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { busyCores, readCpuTimes, watchCpuMs } from '../machine';
import type { SimMetrics, SimProcess } from '../sim-process';
import { count } from '../stats';
import { sleep } from '../swarm';
import type { ConnectReport } from '../swarm-protocol';
import type { ChatBenchArgs, Topology } from './args';
import { SendStatus, countDeliveries, type DeliveryBot } from './deliveries';
import { Histogram, mergeByName } from './histogram';
import type { ChatThreadResult } from './protocol';
import type { ChatRunResult, LatencyRow, Percentiles, SimSide, ZoneTicks } from './report';
import type { ScheduledChat } from './schedule';

const say = (msg: string) => console.log(`[bench:chat] ${msg}`);

/** What the bench, the machine and the sims did over the window. */
export interface WindowMeasures {
  /** the window's wall time, s */
  seconds: number;
  /** this process's CPU over the window */
  cpu: NodeJS.CpuUsage;
  machineBusy: number | undefined;
  pgMs: number;
  redisMs: number;
  /** the 1-minute load average at the window's start and end */
  load0: number;
  load1: number;
  /** each sim's GET /metrics at the window's start and end (undefined: it failed) */
  before: (SimMetrics | undefined)[];
  after: (SimMetrics | undefined)[];
  metricsFailures: string[];
}

/** Measures the window, which ends at `endsAt` (epoch ms on `nowEpoch`'s clock). */
export async function measureWindow(
  sims: readonly SimProcess[],
  endsAt: number,
  nowEpoch: () => number,
): Promise<WindowMeasures> {
  const metricsFailures: string[] = [];
  const readMetrics = (sim: SimProcess, since?: number) =>
    sim.metrics(since).catch((err: unknown) => {
      metricsFailures.push(`GET /metrics: ${(err as Error).message}`);
      return undefined;
    });
  const before = await Promise.all(sims.map((s) => readMetrics(s)));
  const cpu0 = process.cpuUsage();
  const machine0 = readCpuTimes();
  const pgWatch = watchCpuMs(['postgres']);
  const redisWatch = watchCpuMs(['redis-server']);
  const load0 = os.loadavg()[0] ?? 0;
  const w0 = performance.now();
  await sleep(Math.max(0, endsAt - nowEpoch()));
  const seconds = (performance.now() - w0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const machineBusy = busyCores(machine0, readCpuTimes());
  const pgMs = pgWatch();
  const redisMs = redisWatch();
  const after = await Promise.all(
    sims.map((s, i) => {
      const b = before[i];
      const since = b ? Math.min(...Object.values(b.zones).map((z) => z.ticks)) : 0;
      return b ? readMetrics(s, since) : Promise.resolve(undefined);
    }),
  );
  const load1 = os.loadavg()[0] ?? 0;
  return { seconds, cpu, machineBusy, pgMs, redisMs, load0, load1, before, after, metricsFailures };
}

/** One run as it went: how it was set up, what was planned, what came back. */
export interface RunRecord {
  n: number;
  topo: Topology;
  args: ChatBenchArgs;
  districts: readonly string[];
  simOfZone: (zone: number) => number;
  bots: readonly { index: number; sim: number; zone: number }[];
  /** [blocker, blocked] bot indices */
  blocks: readonly [number, number][];
  connect: ConnectReport;
  schedule: ScheduledChat[];
  /** the most sends one bot has within any 10 s */
  peak: number;
  /** the window's start, epoch ms */
  start: number;
  sims: readonly SimProcess[];
  window: WindowMeasures;
  parts: ChatThreadResult[];
  /** s from arming the bot threads to collecting from them (what their byte counts cover) */
  countedSeconds: number;
}

const percentiles = (h: Histogram | undefined): Percentiles => ({
  p50: h?.percentile(50) ?? 0,
  p95: h?.percentile(95) ?? 0,
  p99: h?.percentile(99) ?? 0,
  max: h?.max ?? 0,
  samples: h?.count ?? 0,
});

/** The run's result from its record, and its summary on the console. */
export function tallyRun(run: RunRecord): ChatRunResult {
  const { n, topo, args, districts, simOfZone, bots, connect, schedule, peak, start } = run;
  const { sims, parts, countedSeconds } = run;
  const { seconds, cpu, machineBusy, pgMs, redisMs, load0, load1 } = run.window;
  const { before, after, metricsFailures } = run.window;
  const status = new Uint8Array(schedule.length);
  for (const p of parts)
    for (let i = 0; i < status.length; i++) status[i] = Math.max(status[i]!, p.status[i] ?? 0);
  const byIndex = new Map(parts.flatMap((p) => p.bots.map((b) => [b.index, b] as const)));
  const deliveryBots: DeliveryBot[] = bots.map((b) => {
    const r = byIndex.get(b.index);
    const steady = !!r && r.readyAt !== null && r.readyAt < start && r.goneAt === null;
    return { sim: b.sim, zone: b.zone, steady, ...(r ? { bits: r.bits } : {}) };
  });
  const blockers = new Map<number, Set<number>>();
  for (const [blocker, blocked] of run.blocks) {
    const set = blockers.get(blocked) ?? new Set<number>();
    set.add(blocker);
    blockers.set(blocked, set);
  }
  const totals = countDeliveries({
    schedule,
    status,
    bots: deliveryBots,
    worldwide: topo.channel !== 'district',
    blockers,
  });
  const hist = mergeByName(parts.map((p) => p.histograms));
  const allDue = new Histogram();
  const allSend = new Histogram();
  const allPost = new Histogram();
  const latency: LatencyRow[] = [];
  for (const key of ['channel:local', 'channel:remote', 'whisper:local', 'whisper:remote']) {
    const c = totals.by[key];
    const due = hist.get(`due:${key}`);
    if (!c && !due) continue;
    if (due) allDue.merge(due.data());
    const send = hist.get(`send:${key}`);
    const post = hist.get(`post:${key}`);
    if (send) allSend.merge(send.data());
    if (post) allPost.merge(post.data());
    latency.push({
      key,
      expected: c?.expected ?? 0,
      delivered: c?.delivered ?? 0,
      lost: c?.lost ?? 0,
      due: percentiles(due),
      sendP99: send?.percentile(99) ?? 0,
      postP99: post?.percentile(99) ?? 0,
    });
  }
  latency.unshift({
    key: 'all',
    ...totals.all,
    due: percentiles(allDue),
    sendP99: allSend.percentile(99),
    postP99: allPost.percentile(99),
  });
  const sum = (f: (p: (typeof parts)[number]) => number) => parts.reduce((a, p) => a + f(p), 0);
  const refusals: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.refusals)) count(refusals, k, v);
  const disconnects: Record<string, number> = {};
  for (const p of parts)
    for (const d of p.disconnects) for (const [k, v] of Object.entries(d)) count(disconnects, k, v);
  const kicked: Record<string, number> = {};
  for (const p of parts) for (const k of p.kicked) if (k) count(kicked, k);
  const sentOf = (kind: string) =>
    schedule.filter(
      (m) =>
        m.kind === kind &&
        status[m.seq]! >= SendStatus.pending &&
        status[m.seq] !== SendStatus.refused,
    ).length / args.seconds;
  const ticks: ZoneTicks[] = [];
  const simSides: SimSide[] = [];
  sims.forEach((sim, s) => {
    const b = before[s];
    const a = after[s];
    if (a && b) {
      const wallMs = a.uptimeMs - b.uptimeMs;
      for (const z of districts.filter((_, zi) => simOfZone(zi) === s)) {
        const t = a.zones[z];
        if (t)
          ticks.push({
            sim: s,
            zone: z,
            p50: t.p50,
            p99: t.p99,
            max: t.max,
            perSecond: t.samples / (wallMs / 1000),
            skipped: t.skipped - (b.zones[z]?.skipped ?? 0),
          });
      }
      simSides.push(simSide(s, b, a, sim));
    } else simSides.push({ sim: s, cpuPct: NaN, loopBusyPct: NaN, rssMb: NaN, logs: sim.logs });
  });
  const steadyBots = deliveryBots.filter((b) => b.steady).length;
  const result: ChatRunResult = {
    bots: n,
    connect,
    steady: steadyBots,
    sends: totals.sends,
    floodPeak: peak,
    sentPerSecond: { channel: sentOf('channel'), whisper: sentOf('whisper') },
    refusals,
    deliveries: {
      ...totals.all,
      perSecond: totals.all.delivered / args.seconds,
      expectedPerSecond: totals.all.expected / args.seconds,
      misdelivered: totals.misdelivered,
      late: sum((p) => p.late),
      duplicates: sum((p) => p.duplicates),
      unreadable: sum((p) => p.unreadable),
      stray: sum((p) => p.stray),
    },
    latency,
    lag: percentiles(hist.get('lag')),
    ack: percentiles(hist.get('ack')),
    ticks,
    sims: simSides,
    benchCpuPct: ((cpu.user + cpu.system) / 1000 / (seconds * 1000)) * 100,
    loopDelay: {
      p99: Math.max(0, ...parts.map((p) => p.loopDelay.p99)),
      max: Math.max(0, ...parts.map((p) => p.loopDelay.max)),
    },
    postgresCpuPct: (pgMs / (seconds * 1000)) * 100,
    redisCpuPct: (redisMs / (seconds * 1000)) * 100,
    ...(machineBusy === undefined ? {} : { machineCpuPct: machineBusy * 100 }),
    load: [load0, load1],
    bytesPerClient:
      sum((p) => p.bots.reduce((x, b) => x + b.bytesIn, 0)) /
      Math.max(
        1,
        sum((p) => p.bots.length),
      ) /
      countedSeconds,
    disconnects,
    kicked,
    ...(metricsFailures.length > 0 ? { failure: metricsFailures.join('; ') } : {}),
  };
  const all = latency[0]!;
  say(
    `deliveries ${totals.all.delivered}/${totals.all.expected} (${result.deliveries!.perSecond.toFixed(0)}/s), lost ${totals.all.lost}; ` +
      `due → receipt p50 ${all.due.p50.toFixed(1)} p95 ${all.due.p95.toFixed(1)} p99 ${all.due.p99.toFixed(1)} max ${all.due.max.toFixed(1)} ms`,
  );
  for (const l of latency.slice(1))
    say(
      `  ${l.key}: ${l.delivered}/${l.expected}, p50 ${l.due.p50.toFixed(1)} p99 ${l.due.p99.toFixed(1)} ms`,
    );
  say(
    `sent ${totals.sends.sent} (refused ${totals.sends.refused} ${JSON.stringify(refusals)}, skipped ${totals.sends.skipped}, ack timeouts ${totals.sends.ackTimeouts}); ` +
      `send lag p99 ${result.lag!.p99.toFixed(1)} ms; misdelivered ${totals.misdelivered}`,
  );
  for (const t of ticks)
    say(
      `sim ${t.sim + 1} ${t.zone}: tick p50 ${t.p50.toFixed(2)} p99 ${t.p99.toFixed(2)} max ${t.max.toFixed(1)} ms, ${t.perSecond.toFixed(1)} ticks/s`,
    );
  say(
    `sim CPU ${simSides.map((s) => `${s.cpuPct.toFixed(0)} %`).join(' + ')}; Redis ${result.redisCpuPct!.toFixed(0)} %, PostgreSQL ${result.postgresCpuPct!.toFixed(0)} %; ` +
      `bench ${result.benchCpuPct!.toFixed(0)} % (bot loop delay p99 ${result.loopDelay!.p99.toFixed(1)} ms); load ${load0.toFixed(2)} → ${load1.toFixed(2)}`,
  );
  return result;
}

function simSide(s: number, b: SimMetrics, a: SimMetrics, sim: SimProcess): SimSide {
  const wallMs = a.uptimeMs - b.uptimeMs;
  const cpuMs =
    a.process.cpuUserMs + a.process.cpuSystemMs - b.process.cpuUserMs - b.process.cpuSystemMs;
  const active = a.process.eventLoopActiveMs - b.process.eventLoopActiveMs;
  const idle = a.process.eventLoopIdleMs - b.process.eventLoopIdleMs;
  return {
    sim: s,
    cpuPct: (cpuMs / wallMs) * 100,
    loopBusyPct: active + idle > 0 ? (active / (active + idle)) * 100 : 0,
    rssMb: a.process.rss / 2 ** 20,
    logs: sim.logs,
  };
}
