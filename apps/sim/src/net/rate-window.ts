import type { Clock } from '@necp/game';

/** At most `limit` actions per sliding `windowMs` (per socket): commands that cost a DB round trip. */
export class RateWindow {
  private readonly times: number[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one action; false (and not counted) once the window is full. */
  take(): boolean {
    const now = this.clock.ms();
    while (this.times.length > 0 && (this.times[0] ?? now) <= now - this.windowMs)
      this.times.shift();
    if (this.times.length >= this.limit) return false;
    this.times.push(now);
    return true;
  }
}
