import type { Clock, Log } from '@necp/game';

/** Waits before the 1st, 2nd … retry of a failed job; past the last one the job is given up. */
export const RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000];

interface Due {
  at: number;
  attempt: number;
  label: string;
  job: () => Promise<void>;
}

/**
 * Runs database jobs of the zone (kill awards, death records, area entries) with a bounded
 * number of retries. Retries are due on the zone clock and started by `tick`
 * (called from the zone's tick), so FakeClock tests drive them like the game does.
 * Jobs must be idempotent: a retry may follow a commit whose reply was lost.
 */
export class RetryQueue {
  private due: Due[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly clock: Clock,
    private readonly log: Log,
    private readonly delays: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  /** Starts `job` now; a failure is retried after the next delay, until they run out. */
  submit(label: string, job: () => Promise<void>, attempt = 0): void {
    const run: Promise<void> = job()
      .catch((err: unknown) => {
        const delay = this.delays[attempt];
        if (delay === undefined) {
          this.log.error({ err, job: label, attempts: attempt + 1 }, 'giving up on a job');
          return;
        }
        this.log.warn({ err, job: label, attempt: attempt + 1 }, 'job failed; will retry');
        this.due.push({ at: this.clock.ms() + delay, attempt: attempt + 1, label, job });
      })
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Starts the retries that are due. */
  tick(now: number): void {
    if (this.due.length === 0) return;
    const ready = this.due.filter((d) => d.at <= now);
    this.due = this.due.filter((d) => d.at > now);
    for (const d of ready) this.submit(d.label, d.job, d.attempt);
  }

  /** Jobs waiting for a retry. */
  get waiting(): number {
    return this.due.length;
  }

  /** Resolves once no job is running (retries still waiting are not started). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
