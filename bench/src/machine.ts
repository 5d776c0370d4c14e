/** What the numbers were measured on: they mean little without it. */
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

/**
 * CPU ms used so far by each process whose name is one of `names` (e.g. the local
 * PostgreSQL and Redis servers the sim talks to), by pid, from /proc/<pid>/stat;
 * empty off Linux.
 */
export function cpuMsByPid(names: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
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
      if (!names.includes(stat.slice(open + 1, close))) continue;
      // fields after the name: state ppid … utime (14th field) stime (15th)
      const rest = stat.slice(close + 2).split(' ');
      out.set(Number(pid), (Number(rest[11]) + Number(rest[12])) * JIFFY_MS);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return out;
}

/**
 * CPU ms the processes used between two readings: what pids present at the start
 * added, plus everything of pids that started meanwhile (a pid that ended is lost:
 * short-lived database backends are undercounted).
 */
export function cpuMsBetween(a: Map<number, number>, b: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of b) total += Math.max(ms - (a.get(pid) ?? 0), 0);
  return total;
}
