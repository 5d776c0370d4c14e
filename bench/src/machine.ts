/** What the numbers were measured on: they mean little without it. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() || 'unknown CPU',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

/** What cpuProbeMs does, for a report to say. */
export const CPU_PROBE = '200,000 chained SHA-256 hashes on one thread, its CPU time';

/**
 * The machine's speed now: the CPU time (ms) of a fixed piece of work on one thread —
 * lower is faster. On a 2-core VM of this project, idle, twice this work took ~680 ms of
 * CPU and, a minute later, ~1,300 (2026-11-30, docs/perf.md): a run's figures compare with
 * another's only beside it.
 */
export function cpuProbeMs(): number {
  const start = process.cpuUsage();
  let h = Buffer.alloc(32);
  for (let i = 0; i < 200_000; i++) h = createHash('sha256').update(h).digest();
  const used = process.cpuUsage(start);
  // the digest is kept, so the loop cannot be dropped as dead code
  return h[0]! >= 0 ? (used.user + used.system) / 1000 : NaN;
}

export interface CpuTimes {
  /** jiffies across all cores */
  busy: number;
  total: number;
}

/** Machine-wide CPU counters from /proc/stat (undefined off Linux). */
export function readCpuTimes(): CpuTimes | undefined {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, ...fields] = line.trim().split(/\s+/);
    const n = fields.map(Number);
    // user nice system idle iowait irq softirq steal
    const idle = (n[3] ?? 0) + (n[4] ?? 0);
    const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/**
 * Machine-wide busy share between two readings, in "cores" (2 = both of two cores
 * busy), to compare with the sim's and the bots' own CPU: the rest is other load.
 */
export function busyCores(a: CpuTimes | undefined, b: CpuTimes | undefined): number | undefined {
  if (!a || !b || b.total <= a.total) return undefined;
  return ((b.busy - a.busy) / (b.total - a.total)) * os.cpus().length;
}

/** Linux's USER_HZ: /proc times are in 1/100 s on every mainstream architecture. */
const JIFFY_MS = 10;

interface ProcessCpu {
  name: string;
  ppid: number;
  /** user + system CPU ms so far */
  ms: number;
}

/** Every process's name, parent and CPU so far, from /proc/<pid>/stat; empty off Linux. */
function readProcesses(): Map<number, ProcessCpu> {
  const out = new Map<number, ProcessCpu>();
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      // fields after the name: state ppid … utime (14th field) stime (15th)
      const rest = stat.slice(close + 2).split(' ');
      out.set(Number(pid), {
        name: stat.slice(open + 1, close),
        ppid: Number(rest[1]),
        ms: (Number(rest[11]) + Number(rest[12])) * JIFFY_MS,
      });
    } catch {
      /* the process ended meanwhile */
    }
  }
  return out;
}

/**
 * CPU ms used so far by each process whose name is one of `names` (e.g. the local
 * PostgreSQL and Redis servers the sim talks to), by pid; empty off Linux.
 */
function cpuMsByPid(names: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const [pid, p] of readProcesses()) if (names.includes(p.name)) out.set(pid, p.ms);
  return out;
}

/**
 * CPU ms the processes used between two readings: what pids present at the start
 * added, plus everything of pids that started meanwhile.
 */
function cpuMsBetween(a: Map<number, number>, b: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of b) total += Math.max(ms - (a.get(pid) ?? 0), 0);
  return total;
}

/** How often watchCpuMs reads the processes while it runs. */
const WATCH_SAMPLE_MS = 200;

/**
 * CPU ms the processes named one of `names` (the local PostgreSQL's, Redis's) use from
 * now until the returned function is called; 0 off Linux. They are read every
 * WATCH_SAMPLE_MS and each counted to its last reading: a process that ends within the
 * window — a pool's idle connection closed, a second process's pool closed as it exits —
 * keeps what it used (all but its last WATCH_SAMPLE_MS), where readings at the two ends
 * alone would lose all of it.
 */
export function watchCpuMs(names: readonly string[]): () => number {
  const first = cpuMsByPid(names);
  const last = new Map(first);
  const read = () => {
    for (const [pid, ms] of cpuMsByPid(names)) last.set(pid, ms);
  };
  const timer = setInterval(read, WATCH_SAMPLE_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    read();
    return cpuMsBetween(first, last);
  };
}

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => fs.existsSync(p));
const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => fs.existsSync(p));

/** taskset's path, or undefined where it is missing (then nothing is pinned). */
export const tasksetPath = () => TASKSET;

/**
 * Pins every thread of `pid` (and the threads it starts later, which inherit the
 * mask) to `cpu`. False when taskset is missing or refused.
 */
export function pinProcess(pid: number, cpu: number): boolean {
  if (!TASKSET) return false;
  try {
    execFileSync(TASKSET, ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** "Max open files" of a process (or 'self'), from /proc/<pid>/limits. */
export function openFileLimits(pid: number | 'self'): { soft: number; hard: number } | undefined {
  try {
    const limits = fs.readFileSync(`/proc/${pid}/limits`, 'utf8');
    const m = /^Max open files\s+(\S+)\s+(\S+)/m.exec(limits);
    if (!m) return undefined;
    const n = (v: string | undefined) => (v === 'unlimited' ? Infinity : Number(v));
    return { soft: n(m[1]), hard: n(m[2]) };
  } catch {
    return undefined;
  }
}

/**
 * Raises this process's soft open-file limit towards `want` (at most the hard limit,
 * which only root may raise) with prlimit; returns the limits in force afterwards.
 */
export function raiseOwnOpenFiles(want: number): { soft: number; hard: number } | undefined {
  const now = openFileLimits('self');
  if (!now || now.soft >= want || !PRLIMIT) return now;
  const soft = Math.min(want, now.hard);
  try {
    execFileSync(PRLIMIT, ['--pid', String(process.pid), `--nofile=${soft}:${now.hard}`], {
      stdio: 'ignore',
    });
  } catch {
    /* keep what we have */
  }
  return openFileLimits('self');
}

/**
 * CPU ms used so far by process `rootPid` and every process under it (a web server
 * and any worker it forks); undefined when the root is gone or off Linux.
 */
export function cpuMsOfTree(rootPid: number): number | undefined {
  const stats = readProcesses();
  if (!stats.has(rootPid)) return undefined;
  let total = 0;
  for (const [pid, s] of stats) {
    // walk up to the root (or to init): a descendant counts once
    let p: number | undefined = pid;
    while (p !== undefined && p !== rootPid && p > 1) p = stats.get(p)?.ppid;
    if (p === rootPid) total += s.ms;
  }
  return total;
}
