/**
 * N bots in this process: paced connects (no thundering herd on the handshake, which
 * reads the database), and one scheduler that ticks every bot, spread over ten
 * staggered buckets so inputs arrive evenly like real clients' would: every 50 ms
 * (fight, walk: ~20 Hz) or every 100 ms (move: 10 inputs a second); idle bots never tick.
 */
import { performance } from 'node:perf_hooks';
import { seededRng, signSimTicket } from '@necp/game';
import type { ZoneContent } from '@necp/shared';
import { Bot, ConnectFailure, newCounters, type BotBehaviour, type BotSocket } from './bot';
import type { Square } from './move-workload';
import type { BotIdentity } from './population';
import { count } from './stats';
import type { ConnectReport, SwarmSnapshot } from './swarm-protocol';

const BUCKETS = 10;
/** 10 × 5 ms: every bot ticks every 50 ms; move: 10 × 10 ms, every 100 ms */
const BUCKET_MS: Record<BotBehaviour, number> = { fight: 5, walk: 5, move: 10, idle: 0 };
const CONNECT_TIMEOUT_MS = 20_000;
/** handshakes in flight at once, however fast the pace */
const MAX_CONNECTING = 64;

/** like the browser (apps/web game-client.ts): up to 8 returns, 1 s × attempt apart, after "server busy" */
const BUSY_RETRIES = 8;
const BUSY_RETRY_MS = 1_000;
/**
 * The connect phase ends at the latest this long after the pace would have
 * connected everyone (≥ 60 s): no new attempts or retries after it. A sim
 * refusing joins as busy for minutes (2,000 move bots) otherwise kept the phase
 * going for over 12 minutes of retries and timeouts.
 */
const CONNECT_GRACE_MS = 60_000;

export class Swarm {
  readonly bots: Bot[];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly identities: readonly BotIdentity[],
    private readonly opts: {
      url: string;
      zone: ZoneContent;
      behaviour: BotBehaviour;
      secret: string;
      /** move: the square the bots stay in */
      square?: Square;
      /** move: bot i's directions come from seed + i */
      seed?: number;
      /** each socket a bot opens, with the bot's index (the chat bench listens on it) */
      onSocket?: (index: number, socket: BotSocket) => void;
    },
  ) {
    this.bots = identities.map(
      (id) =>
        new Bot(id.index, {
          url: opts.url,
          zone: opts.zone,
          home: id.home,
          behaviour: opts.behaviour,
          ...(opts.square ? { square: opts.square } : {}),
          random: seededRng((opts.seed ?? 11) + id.index).float,
          now: () => performance.now(),
          ...(opts.onSocket ? { onSocket: (s: BotSocket) => opts.onSocket?.(id.index, s) } : {}),
        }),
    );
  }

  /**
   * Starts ticking (connected bots act, the rest wait); idle bots are never ticked.
   * Each bucket has its own due time, so a timer that fires late (a busy core) runs
   * every bucket that is due: the rate holds unless the bots fall a whole period behind.
   */
  start(): void {
    const every = BUCKET_MS[this.opts.behaviour];
    if (every === 0 || this.timer) return;
    const period = every * BUCKETS;
    const t0 = performance.now();
    const due = Array.from({ length: BUCKETS }, (_, b) => t0 + b * every);
    this.timer = setInterval(() => {
      const now = performance.now();
      for (let b = 0; b < BUCKETS; b++) {
        const at = due[b] ?? now;
        if (now < at) continue;
        for (let i = b; i < this.bots.length; i += BUCKETS) this.bots[i]?.tick();
        // more than a period behind: skip ahead rather than burst
        due[b] = now - at > period ? now + period : at + period;
      }
    }, every);
  }

  /** Connects every bot at `perSecond`, each with a freshly minted ticket (as the web does right before connecting). */
  async connectAll(perSecond: number, onProgress?: (done: number) => void): Promise<ConnectReport> {
    const t0 = performance.now();
    const deadline = t0 + (this.bots.length * 1000) / perSecond + CONNECT_GRACE_MS;
    const failures: Record<string, number> = {};
    let done = 0;
    let inFlight = 0;
    const waiters: (() => void)[] = [];
    const connectOne = async (bot: Bot, id: BotIdentity) => {
      // one retry after a failure; a sim too busy to admit (UNAVAILABLE) is waited for, as the browser does
      const started = performance.now();
      for (let attempt = 0, busy = 0; attempt < 2; attempt++) {
        if (performance.now() > deadline) {
          count(failures, 'connect phase over');
          return;
        }
        try {
          const { ticket } = await signSimTicket(
            this.opts.secret,
            // bench accounts are never signed out: their session version stays 0
            { userId: id.userId, characterId: id.characterId, role: 'PLAYER', sessionVersion: 0 },
            Date.now(),
          );
          await bot.connect(ticket, CONNECT_TIMEOUT_MS);
          // a join refused as busy and retried took all of that time
          if (busy > 0) bot.joinMs = performance.now() - started;
          return;
        } catch (err) {
          count(failures, err instanceof ConnectFailure ? err.code : (err as Error).message);
          if (err instanceof ConnectFailure && err.code === 'UNAVAILABLE' && busy < BUSY_RETRIES) {
            busy++;
            attempt--;
            await sleep(BUSY_RETRY_MS * busy * (0.5 + Math.random()));
          }
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
      joinMs: this.bots.flatMap((b) => (b.joinMs === undefined ? [] : [b.joinMs])),
    };
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const b of this.bots) b.close();
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
