/** One run's numbers (one bot count), built from the sim's /metrics and the bots' counters. */
import type { BenchMode } from './args';
import type { BotCounters } from './bot';
import type { SimLogCounts, SimMetrics } from './sim-process';
import type { ConnectReport } from './swarm-protocol';
import { count, mean, percentile, sum } from './stats';

export interface RunResult {
  bots: number;
  mode?: BenchMode;
  /** set when the run could not be completed (the rest may be partial) */
  failure?: string;
  connect?: ConnectReport;
  /** bots connected / players in the zone at the end of the window */
  connectedAtEnd?: number;
  playersAtEnd?: number;
  windowSeconds?: number;
  tick?: {
    p50: number;
    p99: number;
    max: number;
    mean: number;
    perSecond: number;
    skipped: number;
  };
  /** engine.io payload bytes per client per second (server → client), mean over bots and the 99th-percentile bot */
  bytesIn?: { mean: number; p99: number };
  /** client → server, mean */
  bytesOutMean?: number;
  snapshotsPerClient?: number;
  sim?: { cpuPct: number; loopBusyPct: number; rssMb: number; peakRssMb?: number; heapMb: number };
  benchCpuPct?: number;
  /** whole machine over the window, % of one core (200 = two cores busy); and the 1-minute load average at the start */
  machineCpuPct?: number;
  /** local PostgreSQL + Redis processes over the window, % of one core (0: not on this machine) */
  dbCpuPct?: number;
  loadAvg?: number;
  /** 1-minute load average at the end of the window */
  loadAvgEnd?: number;
  rtt?: { p50: number; p99: number };
  /** entities in view: mean over all bot ticks, NPCs among them, and the 99th-percentile bot's own mean */
  view?: { entities: number; npcs: number; p99Bot?: number };
  /** zone:move per client per second */
  movesPerClient?: number;
  /** input sent → first snapshot acknowledging it, ms */
  inputToAck?: { p50: number; p99: number; samples: number };
  /** connect → zone:welcome of every bot that joined, ms (measured while the others kept arriving) */
  join?: { p50: number; p99: number; max: number; samples: number };
  /** idle: the sim's RSS before the first bot connected and with all N connected (after the warm-up) */
  memory?: { rssBeforeMb: number; rssAtNMb: number; perConnectionKb: number };
  /** sim on one CPU, bench on the other (taskset) */
  pinned?: boolean;
  /** soft open-file limits of the bench and the sim; capped: N was lowered to fit them */
  openFiles?: { bench?: number; sim?: number; cappedFrom?: number };
  combat?: {
    usesPerSec: number;
    okPct: number;
    hitsPerSec: number;
    kills: number;
    deaths: number;
    respawns: number;
    refusals: Record<string, number>;
  };
  errors?: {
    disconnects: Record<string, number>;
    kicked: Record<string, number>;
    ackTimeouts: number;
    ackErrors: Record<string, number>;
    sim: SimLogCounts;
  };
}

const MB = 2 ** 20;

export function summarise(input: {
  bots: number;
  zoneId: string;
  connect: ConnectReport;
  /** the sim's /metrics at the start and end of the window; undefined when it did not answer */
  before: SimMetrics | undefined;
  after: SimMetrics | undefined;
  peakRss: number | undefined;
  counters: BotCounters[];
  connected: number;
  disconnects: Record<string, number>[];
  kicked: (string | null)[];
  seconds: number;
  benchCpuMs: number;
  machineBusyCores: number | undefined;
  dbCpuMs: number;
  loadAvg: number;
  loadAvgEnd?: number;
  simLogs: SimLogCounts;
  joinMs?: number[];
}): RunResult {
  const { before, after, seconds, counters } = input;
  const simSide = before && after ? simNumbers(input.zoneId, before, after, input.peakRss) : {};
  // only bots that were connected through the window speak for "per client"
  const withSnapshots = counters.filter((c) => c.snapshots > 0);
  // idle players in a still crowd may get no snapshot at all: then every bot speaks
  const live = withSnapshots.length > 0 ? withSnapshots : counters;
  const perSec = (n: number) => n / seconds;
  const disconnects: Record<string, number> = {};
  for (const d of input.disconnects)
    for (const [k, v] of Object.entries(d)) count(disconnects, k, v);
  const kicked: Record<string, number> = {};
  for (const k of input.kicked) if (k) count(kicked, k);
  const refusals: Record<string, number> = {};
  const ackErrors: Record<string, number> = {};
  for (const c of counters) {
    for (const [k, v] of Object.entries(c.refusals)) count(refusals, k, v);
    for (const [k, v] of Object.entries(c.ackErrors)) count(ackErrors, k, v);
  }
  const uses = sum(counters.map((c) => c.uses));
  const ticks = sum(live.map((c) => c.viewTicks));
  const latencies = counters.flatMap((c) => c.inputLatencies);
  const joins = input.joinMs ?? [];
  const viewByBot = live.filter((c) => c.viewTicks > 0).map((c) => c.viewSum / c.viewTicks);
  return {
    bots: input.bots,
    connect: input.connect,
    connectedAtEnd: input.connected,
    ...simSide,
    bytesIn: {
      mean: mean(live.map((c) => perSec(c.bytesIn))),
      p99: percentile(
        live.map((c) => perSec(c.bytesIn)),
        99,
      ),
    },
    bytesOutMean: mean(live.map((c) => perSec(c.bytesOut))),
    snapshotsPerClient: mean(live.map((c) => perSec(c.snapshots))),
    benchCpuPct: (input.benchCpuMs / (seconds * 1000)) * 100,
    machineCpuPct: input.machineBusyCores === undefined ? undefined : input.machineBusyCores * 100,
    dbCpuPct: (input.dbCpuMs / (seconds * 1000)) * 100,
    loadAvg: input.loadAvg,
    ...(input.loadAvgEnd === undefined ? {} : { loadAvgEnd: input.loadAvgEnd }),
    movesPerClient: mean(live.map((c) => perSec(c.moves))),
    ...(latencies.length > 0
      ? {
          inputToAck: {
            p50: percentile(latencies, 50),
            p99: percentile(latencies, 99),
            samples: latencies.length,
          },
        }
      : {}),
    ...(joins.length > 0
      ? {
          join: {
            p50: percentile(joins, 50),
            p99: percentile(joins, 99),
            max: joins.reduce((a, b) => Math.max(a, b), 0),
            samples: joins.length,
          },
        }
      : {}),
    rtt: {
      p50: percentile(
        counters.flatMap((c) => c.rtts),
        50,
      ),
      p99: percentile(
        counters.flatMap((c) => c.rtts),
        99,
      ),
    },
    view: {
      entities: ticks > 0 ? sum(live.map((c) => c.viewSum)) / ticks : 0,
      npcs: ticks > 0 ? sum(live.map((c) => c.npcViewSum)) / ticks : 0,
      ...(viewByBot.length > 0 ? { p99Bot: percentile(viewByBot, 99) } : {}),
    },
    combat: {
      usesPerSec: perSec(uses),
      okPct: uses > 0 ? (sum(counters.map((c) => c.usesOk)) / uses) * 100 : 0,
      hitsPerSec: perSec(sum(counters.map((c) => c.hits))),
      kills: sum(counters.map((c) => c.kills)),
      deaths: sum(counters.map((c) => c.deaths)),
      respawns: sum(counters.map((c) => c.respawns)),
      refusals,
    },
    errors: {
      disconnects,
      kicked,
      ackTimeouts: sum(counters.map((c) => c.ackTimeouts)),
      ackErrors,
      sim: input.simLogs,
    },
  };
}

/** The sim's side of a run: the window's ticks, CPU, event loop and memory. */
function simNumbers(
  zoneId: string,
  before: SimMetrics,
  after: SimMetrics,
  peakRss: number | undefined,
): Pick<RunResult, 'playersAtEnd' | 'tick' | 'sim'> {
  const zone = after.zones[zoneId];
  const zoneBefore = before.zones[zoneId];
  const wallMs = after.uptimeMs - before.uptimeMs;
  const cpuMs =
    after.process.cpuUserMs +
    after.process.cpuSystemMs -
    before.process.cpuUserMs -
    before.process.cpuSystemMs;
  const active = after.process.eventLoopActiveMs - before.process.eventLoopActiveMs;
  const idle = after.process.eventLoopIdleMs - before.process.eventLoopIdleMs;
  return {
    playersAtEnd: zone?.players ?? 0,
    tick: zone && {
      p50: zone.p50,
      p99: zone.p99,
      max: zone.max,
      mean: zone.mean,
      perSecond: zone.samples / (wallMs / 1000),
      skipped: zone.skipped - (zoneBefore?.skipped ?? 0),
    },
    sim: {
      cpuPct: (cpuMs / wallMs) * 100,
      loopBusyPct: active + idle > 0 ? (active / (active + idle)) * 100 : 0,
      rssMb: after.process.rss / MB,
      peakRssMb: peakRss === undefined ? undefined : peakRss / MB,
      heapMb: after.process.heapUsed / MB,
    },
  };
}

/** Idle: what each connection costs the sim, from its RSS before the first connect and with N connected. */
export function memoryPerConnection(
  rssBefore: number,
  rssAtN: number,
  connections: number,
): RunResult['memory'] {
  return {
    rssBeforeMb: rssBefore / MB,
    rssAtNMb: rssAtN / MB,
    perConnectionKb: connections > 0 ? (rssAtN - rssBefore) / connections / 1024 : 0,
  };
}
