/**
 * The rate one process holds: the paced mix's target (issue 29) is a p99 at a fixed rate
 * "on this machine", and the machines differ from one session to the next by more than
 * the code does. So beside the target's rate, the bench finds the highest rate whose
 * calls keep the p99 (of those sent after the start) within the target's: a bisection
 * between a rate that held and one that did not, each probe one paced run on the same
 * pool. One run a probe: near the knee a probe can fall either way, read it as ±1 step.
 */

/** One paced run of the search (or one of the phases it starts from). */
export interface RateProbe {
  rate: number;
  /** p99 of the calls sent after the start (phases.ts STEADY_AFTER_MS), ms */
  p99Steady: number;
  /** p99 of every call of the run, ms */
  p99All: number;
  busyCores: number;
  /** how long sending took: more than the run's seconds means the sender itself fell behind */
  sentSeconds: number;
  seconds: number;
  /** the machine's CPU ms an operation (cpu-split.ts), when it was counted */
  cpuMsPerOp?: number;
}

export const held = (p: RateProbe, targetMs: number, seconds: number) =>
  p.p99Steady <= targetMs && p.sentSeconds <= seconds * 1.05;

/**
 * The next rate to probe between `lo` (held; 0 when none did) and `hi` (did not): their
 * middle, rounded down to whole steps above `lo`; none when they are a step apart or closer.
 */
export function nextRate(lo: number, hi: number, step: number): number | undefined {
  if (hi - lo <= step) return undefined;
  return lo + Math.max(1, Math.floor((hi - lo) / 2 / step)) * step;
}

export interface RateSearch {
  /** every probe, the starting phases' included, by rate */
  probes: RateProbe[];
  /** the highest rate that held (0: none did) */
  held: number;
  /** the lowest rate that did not (undefined: every rate probed held) */
  failed?: number;
}

/**
 * Bisects from the probes already run (the target's rate and the hold rate) with at most
 * `maxProbes` more runs of `probe`.
 */
export async function findRateHeld(
  known: readonly RateProbe[],
  o: { targetMs: number; seconds: number; step: number; maxProbes: number },
  probe: (rate: number) => Promise<RateProbe>,
): Promise<RateSearch> {
  const probes = [...known];
  const bounds = () => {
    const ok = probes.filter((p) => held(p, o.targetMs, o.seconds)).map((p) => p.rate);
    const no = probes.filter((p) => !held(p, o.targetMs, o.seconds)).map((p) => p.rate);
    const lo = Math.max(0, ...ok);
    // a rate that failed below one that held (noise near the knee) does not bound the search
    const above = no.filter((r) => r > lo);
    return { lo, hi: above.length ? Math.min(...above) : undefined };
  };
  for (let n = 0; n < o.maxProbes; n++) {
    const { lo, hi } = bounds();
    if (hi === undefined) break;
    const rate = nextRate(lo, hi, o.step);
    if (rate === undefined) break;
    probes.push(await probe(rate));
  }
  const { lo, hi } = bounds();
  probes.sort((a, b) => a.rate - b.rate);
  return { probes, held: lo, ...(hi === undefined ? {} : { failed: hi }) };
}
