import { appendCombatLog, type CombatLogRow, type GameDeps, type Log } from '@necp/game';
import { droppedAfterRetries, GIVE_UP_AFTER_ATTEMPTS } from './write-policy';

/** The zone flushes its combat log this often (clock ms). */
export const COMBAT_LOG_FLUSH_MS = 1_000;
/** Rows written per statement. */
export const COMBAT_LOG_BATCH = 2_000;
/** A database that stays down must not eat the sim's memory: older rows beyond this are dropped. */
export const MAX_BUFFERED_ROWS = 50_000;

/**
 * Collects combat log rows from the zone tick and writes them about once a second
 * with appendCombatLog. One flush at a time; a failed batch goes back to the front
 * and is retried on the next flush (write-policy.ts: it grows with play and moves no
 * value, so it is given up after a few attempts and one bad row cannot block the log).
 */
export class CombatLogBuffer {
  private rows: CombatLogRow[] = [];
  private flushing: Promise<void> | undefined;
  private failures = 0;
  /** rows dropped because the buffer overflowed or a batch kept failing */
  dropped = 0;

  constructor(
    private readonly deps: Pick<GameDeps, 'db'>,
    private readonly log: Log,
  ) {}

  get size(): number {
    return this.rows.length;
  }

  push(row: CombatLogRow): void {
    this.rows.push(row);
    if (this.rows.length > MAX_BUFFERED_ROWS) {
      const over = this.rows.length - MAX_BUFFERED_ROWS;
      this.rows.splice(0, over);
      this.dropped += over;
      if (this.dropped % 1000 < over)
        this.log.error({ dropped: this.dropped }, 'combat log overflow');
    }
  }

  /** Writes what is buffered (single-flight). Never rejects. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async write(): Promise<void> {
    while (this.rows.length > 0) {
      const batch = this.rows.splice(0, COMBAT_LOG_BATCH);
      try {
        await appendCombatLog(this.deps, batch);
        this.failures = 0;
      } catch (err) {
        this.failures++;
        if (this.failures >= GIVE_UP_AFTER_ATTEMPTS) {
          this.dropped += batch.length;
          this.failures = 0;
          this.log.error({ err, rows: batch.length }, droppedAfterRetries('combat log batch'));
        } else {
          this.rows.unshift(...batch);
          this.log.warn({ err, rows: batch.length }, 'writing the combat log failed; will retry');
        }
        return;
      }
    }
  }
}
