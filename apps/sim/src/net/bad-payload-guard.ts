import { BAD_PAYLOAD_LIMIT, BAD_PAYLOAD_WINDOW_MS } from '@necp/shared';
import type { Clock } from '@necp/game';
import { RateWindow } from './rate-window';

/**
 * Counts invalid payloads from one socket in a sliding window (the sim's one sliding
 * window, RateWindow): the first one past the limit says the socket should be dropped.
 */
export class BadPayloadGuard {
  private readonly window: RateWindow;

  constructor(clock: Clock, limit = BAD_PAYLOAD_LIMIT, windowMs = BAD_PAYLOAD_WINDOW_MS) {
    this.window = new RateWindow(clock, limit, windowMs);
  }

  /** Records one bad payload; true once the socket exceeds the limit and should be dropped. */
  record(): boolean {
    return !this.window.take();
  }
}
