import type { Redis } from 'ioredis';
import type { Clock } from '../core/clock';

/**
 * Remembers token ids until the token expires, so each token is used once: a sim
 * ticket or a raid's quantum_sync_token copied out of a browser (or logged
 * somewhere) cannot be replayed. Callers namespace their ids (`raid:<jti>`).
 */
export interface JtiStore {
  /** true the first time a jti is seen, false on every later call before `expiresAtMs` */
  consume(jti: string, expiresAtMs: number): Promise<boolean>;
}

/** Single-process store; expired ids are swept at most once a second. */
export class MemoryJtiStore implements JtiStore {
  private readonly seen = new Map<string, number>();
  private lastSweep = 0;

  constructor(private readonly clock: Clock) {}

  async consume(jti: string, expiresAtMs: number): Promise<boolean> {
    const now = this.clock.ms();
    this.sweep(now);
    const until = this.seen.get(jti);
    if (until !== undefined && until > now) return false;
    this.seen.set(jti, expiresAtMs);
    return true;
  }

  private sweep(now: number) {
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [jti, until] of this.seen) if (until <= now) this.seen.delete(jti);
  }
}

/** Shared across sim nodes: SET NX with a TTL is an atomic "first one wins". */
export class RedisJtiStore implements JtiStore {
  constructor(
    private readonly redis: Redis,
    private readonly clock: Clock,
  ) {}

  async consume(jti: string, expiresAtMs: number): Promise<boolean> {
    const ttlMs = Math.max(1000, Math.ceil(expiresAtMs - this.clock.ms()));
    const res = await this.redis.set(`sim:jti:${jti}`, '1', 'PX', ttlMs, 'NX');
    return res === 'OK';
  }
}

/** Redis when there is one (several sim processes), else this process's memory. */
export const createJtiStore = (deps: { redis?: Redis | undefined; clock: Clock }): JtiStore =>
  deps.redis ? new RedisJtiStore(deps.redis, deps.clock) : new MemoryJtiStore(deps.clock);
