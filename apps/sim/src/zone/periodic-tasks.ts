import type { Log } from '@necp/game';

/** Work a zone runs every `everyMs` of clock time from inside its tick (e.g. the drop sweep). */
interface PeriodicTask {
  everyMs: number;
  lastAt: number;
  run(now: number): void;
}

/** A zone's periodic tasks; a failing task is logged and does not stop the others or the tick. */
export class PeriodicTasks {
  private readonly tasks: PeriodicTask[] = [];

  constructor(private readonly log: Log) {}

  /** First run one interval after `now`. */
  add(everyMs: number, now: number, run: (now: number) => void): void {
    this.tasks.push({ everyMs, lastAt: now, run });
  }

  runDue(now: number): void {
    for (const t of this.tasks) {
      if (now - t.lastAt < t.everyMs) continue;
      t.lastAt = now;
      try {
        t.run(now);
      } catch (err) {
        this.log.error({ err }, 'zone task failed');
      }
    }
  }

  clear(): void {
    this.tasks.length = 0;
  }
}
