/**
 * Tells the web which public pages changed (docs/leaderboards.md, "Caching and
 * revalidation"): the `public-pages` outbox subscriber hands over paths after each
 * delivery commits; they are gathered for a moment (a burst of arena results names the
 * same board pages again and again), deduplicated and POSTed, signed, to the web's
 * internal route in requests of at most PUBLIC_PAGE_PATHS_MAX paths. Best effort: a
 * failed POST is logged and dropped — never retried, never waited on by the outbox —
 * and the pages still expire within their minute (revalidate = 60).
 */
import { PUBLIC_PAGE_PATHS_MAX } from '@necp/shared';
import { signInternalRequest, type Log } from '@necp/game';

export const REVALIDATE_ROUTE = '/api/internal/revalidate';
/** How long paths are gathered before they are sent. */
export const REVALIDATE_FLUSH_MS = 1000;
/** Paths held at most; more (the web unreachable for long, a flood) are dropped. */
export const REVALIDATE_PENDING_MAX = 5 * PUBLIC_PAGE_PATHS_MAX;
const POST_TIMEOUT_MS = 5000;

export interface PageRevalidatorOptions {
  /** the web's internal base URL (WEB_INTERNAL_URL) */
  webUrl: string;
  /** internalRequestKey(SIM_TICKET_SECRET) */
  key: Buffer;
  log: Log;
  flushMs?: number;
  pendingMax?: number;
  timeoutMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

export class PageRevalidator {
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private dropped = 0;
  private stopped = false;
  private readonly endpoint: string;

  constructor(private readonly o: PageRevalidatorOptions) {
    this.endpoint = new URL(REVALIDATE_ROUTE, o.webUrl).toString();
  }

  /** Queues paths; they are sent within about flushMs. Never throws. */
  add(paths: readonly string[]): void {
    if (this.stopped) return;
    const max = this.o.pendingMax ?? REVALIDATE_PENDING_MAX;
    for (const p of paths) {
      if (this.pending.has(p)) continue;
      if (this.pending.size >= max) this.dropped++;
      else this.pending.add(p);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.flushing || this.pending.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.o.flushMs ?? REVALIDATE_FLUSH_MS);
    this.timer.unref();
  }

  /** Sends what is queued now (one flush at a time); resolves when it is done, failed or not. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const paths = [...this.pending];
    this.pending.clear();
    if (this.dropped > 0) {
      this.o.log.warn(
        { dropped: this.dropped },
        'page revalidation: too many paths queued, some dropped',
      );
      this.dropped = 0;
    }
    if (paths.length === 0) return Promise.resolve();
    this.flushing = this.send(paths).finally(() => {
      this.flushing = undefined;
      this.schedule();
    });
    return this.flushing;
  }

  private async send(paths: string[]): Promise<void> {
    for (let i = 0; i < paths.length; i += PUBLIC_PAGE_PATHS_MAX) {
      const chunk = paths.slice(i, i + PUBLIC_PAGE_PATHS_MAX);
      const body = JSON.stringify({ paths: chunk });
      try {
        const res = await (this.o.fetch ?? fetch)(this.endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...signInternalRequest(this.o.key, body, (this.o.now ?? Date.now)()),
          },
          body,
          signal: AbortSignal.timeout(this.o.timeoutMs ?? POST_TIMEOUT_MS),
        });
        if (!res.ok) {
          const text = (await res.text().catch(() => '')).slice(0, 500);
          this.o.log.warn(
            { status: res.status, body: text, paths: chunk.length },
            'page revalidation refused by the web; dropped',
          );
        } else await res.body?.cancel();
      } catch (err) {
        this.o.log.warn({ err, paths: chunk.length }, 'page revalidation failed; dropped');
      }
    }
  }

  /** Sends what is queued and takes no more. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.flushing;
    await this.flush();
  }
}
