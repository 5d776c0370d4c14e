import { performance } from 'node:perf_hooks';

/** How busy a sim may be before it turns new players away (SimServerOptions.admission). */
export interface AdmissionOptions {
  /** handshakes (ticket, replay guard, the entry query) in flight at once; beyond: refused */
  maxHandshakes?: number;
  /** how late the event loop runs (mean over the last second) above which new players are refused */
  maxLagMs?: number;
  /** how late the event loop runs now, ms (default: a 50 ms timer's lateness over the last second) */
  lagMs?: () => number;
}

export const DEFAULT_MAX_HANDSHAKES = 256;
/** two ticks late on average, for a second: the zones skip ticks, a join would wait seconds */
export const DEFAULT_MAX_LAG_MS = 100;

/**
 * Admission control for the handshake: when the process is behind (its event loop
 * runs late, or too many handshakes are already waiting on PostgreSQL and Redis)
 * a new player is refused at once with UNAVAILABLE ("server busy", retry shortly)
 * instead of queueing until its handshake times out, which would put even more
 * work on the loop that is behind. Refused before the ticket is consumed: the
 * client may retry with it.
 */
export class AdmissionGate {
  private inFlight = 0;
  private readonly maxHandshakes: number;
  private readonly maxLagMs: number;
  private readonly lag: EventLoopLag | undefined;
  private readonly lagMs: () => number;

  constructor(opts: AdmissionOptions = {}) {
    this.maxHandshakes = opts.maxHandshakes ?? DEFAULT_MAX_HANDSHAKES;
    this.maxLagMs = opts.maxLagMs ?? DEFAULT_MAX_LAG_MS;
    if (opts.lagMs) this.lagMs = opts.lagMs;
    else {
      const lag = new EventLoopLag();
      this.lag = lag;
      this.lagMs = () => lag.meanMs();
    }
  }

  /** true: go ahead (call leave() when the handshake settles); false: refuse as busy. */
  tryEnter(): boolean {
    if (this.inFlight >= this.maxHandshakes || this.lagMs() > this.maxLagMs) return false;
    this.inFlight++;
    return true;
  }

  leave(): void {
    this.inFlight--;
  }

  get handshakesInFlight(): number {
    return this.inFlight;
  }

  close(): void {
    this.lag?.close();
  }
}

const WINDOW_MS = 1_000;
const SAMPLE_MS = 50;

/**
 * How late a 50 ms timer fires, averaged over the last completed second: the
 * delay every timer (each zone's tick, a join's next step) waits on now.
 * (monitorEventLoopDelay's histogram hides a long block behind its own sampling.)
 */
class EventLoopLag {
  private last = 0;
  private sum = 0;
  private samples = 0;
  private expected = performance.now() + SAMPLE_MS;
  private windowStart = performance.now();
  private readonly timer: NodeJS.Timeout;

  constructor() {
    // a probe of timer lateness, not work to repeat: it times the runtime's own interval
    // eslint-disable-next-line no-restricted-globals
    this.timer = setInterval(() => {
      const now = performance.now();
      this.sum += Math.max(0, now - this.expected);
      this.samples++;
      this.expected = now + SAMPLE_MS;
      if (now - this.windowStart >= WINDOW_MS) {
        this.last = this.sum / this.samples;
        this.sum = 0;
        this.samples = 0;
        this.windowStart = now;
      }
    }, SAMPLE_MS);
    this.timer.unref();
  }

  meanMs(): number {
    return this.last;
  }

  close(): void {
    clearInterval(this.timer);
  }
}
