/**
 * Where a paced phase's CPU went: the bench's own process — the server's side, since it
 * calls the domain as a web process would — and PostgreSQL's processes, each in ms over
 * the timed window. The machine's busy cores say how full it was; this says whose work
 * it was, and per operation it moves far less from run to run than a saturated p99.
 */
import { watchCpuMs } from '../machine';

export interface CpuSplit {
  /** the process(es) calling the domain */
  nodeMs: number;
  /** PostgreSQL's server processes (a backend that ended meanwhile is not counted) */
  postgresMs: number;
}

/** Starts the count of this process's and PostgreSQL's CPU; the returned function ends it. */
export function startCpuSplit(): () => CpuSplit {
  const node0 = process.cpuUsage();
  const postgres = watchCpuMs(['postgres']);
  return () => {
    const node = process.cpuUsage(node0);
    return { nodeMs: (node.user + node.system) / 1000, postgresMs: postgres() };
  };
}

/** "CPU an operation: 5.9 ms of the machine's — Node 2.1, PostgreSQL 2.5". */
export function cpuPerOperation(o: {
  ops: number;
  seconds: number;
  busyCores: number;
  cpu: CpuSplit;
}): string {
  const per = (ms: number) => (ms / o.ops).toFixed(2);
  const machineMs = o.busyCores * o.seconds * 1000;
  return `CPU an operation: ${per(machineMs)} ms of the machine's — the calling process ${per(o.cpu.nodeMs)}, PostgreSQL ${per(o.cpu.postgresMs)}.`;
}
