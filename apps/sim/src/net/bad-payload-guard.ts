import { BAD_PAYLOAD_LIMIT, BAD_PAYLOAD_WINDOW_MS } from '@necp/shared';
import type { Clock } from '@necp/game';

/** Counts invalid payloads from one socket in a sliding window. */
export class BadPayloadGuard {
  private readonly times: number[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly limit = BAD_PAYLOAD_LIMIT,
    private readonly windowMs = BAD_PAYLOAD_WINDOW_MS,
  ) {}

  /** Records one bad payload; true once the socket exceeds the limit and should be dropped. */
  record(): boolean {
    const now = this.clock.ms();
    this.times.push(now);
    while (this.times.length > 0 && (this.times[0] ?? now) <= now - this.windowMs)
      this.times.shift();
    return this.times.length > this.limit;
  }
}
