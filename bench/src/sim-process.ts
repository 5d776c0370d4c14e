/**
 * The sim under test runs as its own process (apps/sim/src/main.ts through tsx's
 * loader, in one node process), so its CPU and memory are measured apart from the
 * bots': from its GET /metrics and, on Linux, /proc/<pid>/status (peak RSS).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { openFileLimits, tasksetPath } from './machine';
import { freePort } from '@necp/db/testing';

export { freePort };

const TickSummarySchema = z.object({
  ticks: z.number(),
  samples: z.number(),
  p50: z.number(),
  p99: z.number(),
  max: z.number(),
  mean: z.number(),
  skipped: z.number(),
  players: z.number(),
});

/** The sim's GET /metrics body (apps/sim/src/health.ts). */
export const SimMetricsSchema = z.object({
  /** who the process is and the zone leases it holds */
  cluster: z.object({ leases: z.array(z.object({ zoneId: z.string() })) }).optional(),
  uptimeMs: z.number(),
  zones: z.record(z.string(), TickSummarySchema),
  process: z.object({
    cpuUserMs: z.number(),
    cpuSystemMs: z.number(),
    rss: z.number(),
    heapUsed: z.number(),
    heapTotal: z.number(),
    eventLoopActiveMs: z.number(),
    eventLoopIdleMs: z.number(),
  }),
});
export type SimMetrics = z.infer<typeof SimMetricsSchema>;

export interface SimLogCounts {
  /** pino level ≥ 50 */
  errors: number;
  /** pino level 40 */
  warnings: number;
  /** 'zone loop fell behind' warnings */
  fellBehind: number;
  /** error messages (first line, shortened) → how often; at most 10 distinct */
  samples: Record<string, number>;
}

export interface SimProcess {
  pid: number;
  port: number;
  baseUrl: string;
  logFile: string;
  logs: SimLogCounts;
  metrics(since?: number): Promise<SimMetrics>;
  /** peak resident set (VmHWM) in bytes, when /proc is there */
  peakRss(): number | undefined;
  /** resident set now (VmRSS) in bytes, when /proc is there */
  rss(): number | undefined;
  /** its soft open-file limit, when /proc is there */
  openFileLimit(): number | undefined;
  /** SIGTERM (the sim saves positions and exits), SIGKILL after `graceMs` */
  stop(graceMs?: number): Promise<void>;
  exited: Promise<number>;
}

/** a sim at 100 % event-loop load answers slowly, but it does answer */
const METRICS_TIMEOUT_MS = 60_000;

const LogLineSchema = z.object({ level: z.number(), msg: z.string().optional() }).loose();

/** Live sims by pid, so an exiting bench never leaves one behind. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

export async function startSim(opts: {
  root: string;
  env: Record<string, string>;
  logFile: string;
  /** extra node flags for the sim (e.g. --cpu-prof) */
  nodeArgs?: string[];
  /** pin the sim to this CPU (taskset; ignored when taskset is missing) */
  cpu?: number;
  /** raise its open-file limit to this (or to the hard limit, if lower) */
  openFiles?: number;
  timeoutMs?: number;
}): Promise<SimProcess> {
  const port = await freePort();
  // GET /metrics wants the operator token (apps/sim/src/health.ts): one per run
  const metricsToken = randomBytes(24).toString('hex');
  const tsx = import.meta.resolve('tsx');
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.createWriteStream(opts.logFile);
  const node = [
    process.execPath,
    ...(opts.nodeArgs ?? []),
    '--import',
    tsx,
    'apps/sim/src/main.ts',
  ];
  const taskset = tasksetPath();
  const pinned = opts.cpu !== undefined && taskset ? [taskset, '-c', String(opts.cpu)] : [];
  // sh raises the limit, then execs (same pid): the soft limit up to the hard one at most
  const argv =
    opts.openFiles === undefined
      ? [...pinned, ...node]
      : ['/bin/sh', '-c', RAISE_OPEN_FILES, 'sh', String(opts.openFiles), ...pinned, ...node];
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: opts.root,
    env: { ...process.env, ...opts.env, SIM_PORT: String(port), SIM_METRICS_TOKEN: metricsToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('could not start the sim');
  live.add(child);
  const exited = new Promise<number>((resolve) =>
    child.on('exit', (code, sig) => {
      live.delete(child);
      resolve(code ?? (sig ? 1 : 0));
    }),
  );

  const logs: SimLogCounts = { errors: 0, warnings: 0, fellBehind: 0, samples: {} };
  let buf = '';
  const onData = (d: Buffer) => {
    log.write(d);
    buf += d.toString();
    const lines = buf.split('\n');
    buf = lines.pop() ?? '';
    for (const line of lines) countLine(logs, line);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  void exited.then(() => log.end());

  const baseUrl = `http://127.0.0.1:${port}`;
  const sim: SimProcess = {
    pid: child.pid,
    port,
    baseUrl,
    logFile: opts.logFile,
    logs,
    exited,
    async metrics(since = 0) {
      const res = await fetch(`${baseUrl}/metrics${since > 0 ? `?since=${since}` : ''}`, {
        headers: { authorization: `Bearer ${metricsToken}` },
        signal: AbortSignal.timeout(METRICS_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`GET /metrics: ${res.status}`);
      return SimMetricsSchema.parse(await res.json());
    },
    peakRss: () => procStatusBytes(child.pid, 'VmHWM'),
    rss: () => procStatusBytes(child.pid, 'VmRSS'),
    openFileLimit: () => openFileLimits(child.pid ?? 0)?.soft,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs));
      if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
      await exited;
    },
  };

  const until = Date.now() + (opts.timeoutMs ?? 60_000);
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`the sim exited during start-up; see ${opts.logFile}`);
    try {
      const r = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return sim;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) {
      await sim.stop(2000);
      throw new Error(`the sim did not come up within ${opts.timeoutMs ?? 60_000} ms`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** sh -c script: $1 is the wanted limit, the rest the command to exec */
const RAISE_OPEN_FILES =
  'want=$1; shift; hard=$(ulimit -Hn); ' +
  'if [ "$hard" != unlimited ] && [ "$hard" -lt "$want" ]; then want=$hard; fi; ' +
  'ulimit -n "$want" 2>/dev/null; exec "$@"';

/** A `Vm…:  N kB` line of /proc/<pid>/status, in bytes. */
function procStatusBytes(pid: number | undefined, field: string): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function countLine(logs: SimLogCounts, line: string) {
  if (!line.startsWith('{')) return;
  let parsed: z.infer<typeof LogLineSchema>;
  try {
    const r = LogLineSchema.safeParse(JSON.parse(line));
    if (!r.success) return;
    parsed = r.data;
  } catch {
    return;
  }
  if (parsed.level >= 50) {
    logs.errors++;
    // one short line each: they end up in a markdown list
    const first = (parsed.msg ?? line).split('\n')[0] ?? '';
    // numbers (task ids, ms, attempts) vary between otherwise identical messages
    const msg = first
      .replace(/\d+(\.\d+)?/g, 'N')
      .replace(/[|`]/g, "'")
      .slice(0, 100);
    if (msg in logs.samples || Object.keys(logs.samples).length < 10)
      logs.samples[msg] = (logs.samples[msg] ?? 0) + 1;
  } else if (parsed.level === 40) {
    logs.warnings++;
    if (parsed.msg?.startsWith('zone loop fell behind')) logs.fellBehind++;
  }
}
