/**
 * N bots in this process: paced connects (no thundering herd on the handshake, which
 * reads the database), and one scheduler that ticks every bot at ~20 Hz, spread over
 * ten staggered buckets so inputs arrive through each 50 ms like real clients' would.
 */
import { performance } from 'node:perf_hooks';
import { signSimTicket } from '@necp/game';
import type { ZoneContent } from '@necp/shared';
import { Bot, ConnectFailure, newCounters } from './bot';
import type { BotIdentity } from './population';
import { count } from './stats';
import type { SwarmSnapshot } from './swarm-protocol';

const BUCKETS = 10;
const BUCKET_MS = 5; // 10 × 5 ms: every bot ticks every 50 ms
const CONNECT_TIMEOUT_MS = 20_000;
/** handshakes in flight at once, however fast the pace */
const MAX_CONNECTING = 64;

export interface ConnectReport {
  connected: number;
  /** failed attempts by code (a bot is retried once with a fresh ticket) */
  failures: Record<string, number>;
  seconds: number;
}

export class Swarm {
  readonly bots: Bot[];
  private timer: NodeJS.Timeout | undefined;
  private bucket = 0;

  constructor(
    private readonly identities: readonly BotIdentity[],
    private readonly opts: { url: string; zone: ZoneContent; fight: boolean; secret: string },
  ) {
    this.bots = identities.map(
      (id) =>
        new Bot(id.index, {
          url: opts.url,
          zone: opts.zone,
          home: id.home,
          fight: opts.fight,
          now: () => performance.now(),
        }),
    );
  }

  /** Starts ticking (connected bots act, the rest wait). */
  start(): void {
    this.timer ??= setInterval(() => {
      const b = this.bucket;
      this.bucket = (b + 1) % BUCKETS;
      for (let i = b; i < this.bots.length; i += BUCKETS) this.bots[i]?.tick();
    }, BUCKET_MS);
  }

  /** Connects every bot at `perSecond`, each with a freshly minted ticket (as the web does right before connecting). */
  async connectAll(perSecond: number, onProgress?: (done: number) => void): Promise<ConnectReport> {
    const t0 = performance.now();
    const failures: Record<string, number> = {};
    let done = 0;
    let inFlight = 0;
    const waiters: (() => void)[] = [];
    const connectOne = async (bot: Bot, id: BotIdentity) => {
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          const { ticket } = await signSimTicket(
            this.opts.secret,
            // bench accounts are never signed out: their session version stays 0
            { userId: id.userId, characterId: id.characterId, role: 'PLAYER', sessionVersion: 0 },
            Date.now(),
          );
          await bot.connect(ticket, CONNECT_TIMEOUT_MS);
          return;
        } catch (err) {
          count(failures, err instanceof ConnectFailure ? err.code : (err as Error).message);
        }
      }
    };
    const all: Promise<void>[] = [];
    for (let i = 0; i < this.bots.length; i++) {
      const due = t0 + (i * 1000) / perSecond;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      while (inFlight >= MAX_CONNECTING) await new Promise<void>((r) => waiters.push(r));
      inFlight++;
      const bot = this.bots[i];
      const id = this.identities[i];
      if (!bot || !id) continue;
      all.push(
        connectOne(bot, id).finally(() => {
          inFlight--;
          waiters.shift()?.();
          onProgress?.(++done);
        }),
      );
    }
    await Promise.all(all);
    return {
      connected: this.bots.filter((b) => b.isConnected).length,
      failures,
      seconds: (performance.now() - t0) / 1000,
    };
  }

  /** Starts a measured window: every bot's counters from zero. */
  resetCounters(): void {
    for (const b of this.bots) b.counters = newCounters();
  }

  snapshot(): SwarmSnapshot {
    return {
      counters: this.bots.map((b) => b.counters),
      connected: this.bots.filter((b) => b.isConnected).length,
      disconnects: this.bots.map((b) => b.disconnects),
      kicked: this.bots.map((b) => b.kicked),
    };
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const b of this.bots) b.close();
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
