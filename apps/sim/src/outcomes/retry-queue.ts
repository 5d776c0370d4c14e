import { isDomainError, type Clock, type Log } from '@necp/game';

/**
 * Waits before the 1st, 2nd … retry of a failed job; past the last one every retry
 * waits the last delay — a job is never given up: it writes domain events (kills,
 * deaths, area entries) that nothing else would write (write-policy.ts, the first case).
 */
export const RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000];

interface Due {
  at: number;
  attempt: number;
  label: string;
  job: () => Promise<void>;
}

/**
 * Runs database jobs of the zone (kill awards, death records, area entries), retrying
 * a failure until it succeeds. Retries are due on the zone clock and started by `tick`
 * (called from the zone's tick), so FakeClock tests drive them like the game does.
 * A DomainError is the domain's answer (the character is gone, another process owns
 * the zone now): the same job would get it again, so it is logged and not retried.
 * Any other failure (the database away, a bug) backs off and tries again — once the
 * schedule has run out at error level, so an operator sees a job that keeps failing.
 * Jobs must be idempotent: a retry may follow a commit whose reply was lost.
 */
export class RetryQueue {
  private due: Due[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly clock: Clock,
    private readonly log: Log,
    private readonly delays: readonly number[] = RETRY_DELAYS_MS,
  ) {
    if (delays.length === 0) throw new Error('RetryQueue needs at least one delay');
  }

  /** Starts `job` now; a failure is retried after the next delay (the last one, over and over). */
  submit(label: string, job: () => Promise<void>, attempt = 0): void {
    const run: Promise<void> = job()
      .catch((err: unknown) => {
        if (isDomainError(err)) {
          this.log.warn({ err, job: label, attempts: attempt + 1 }, 'job refused; not retried');
          return;
        }
        const late = attempt >= this.delays.length;
        const delay = this.delays[Math.min(attempt, this.delays.length - 1)]!;
        this.log[late ? 'error' : 'warn'](
          { err, job: label, attempt: attempt + 1, retryInMs: delay },
          late ? 'job still failing; will retry' : 'job failed; will retry',
        );
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

  /**
   * Shutdown: tries every waiting job once more now and waits for it; those that
   * fail again are logged at error level with their label (the process is going away).
   */
  async flush(): Promise<void> {
    const left = this.due;
    this.due = [];
    await Promise.allSettled(
      left.map((d) =>
        d
          .job()
          .catch((err: unknown) =>
            this.log.error(
              { err, job: d.label, attempts: d.attempt + 1 },
              'job still failing at shutdown: not written',
            ),
          ),
      ),
    );
    await this.idle();
  }
}
