/**
 * Keeps this process's zone leases: takes the zones it may run when they are free
 * (at start, then every ACQUIRE period — a standby takes over a dead owner's zones
 * this way), renews the ones it holds every RENEW period, and gives up a zone the
 * moment a renew says the lease is gone (or no renew got through for a whole TTL:
 * another process may own it by now). Opening and closing the zone itself is the
 * server's (onAcquired / onLost).
 */
import {
  ZONE_LEASE_ACQUIRE_MS,
  ZONE_LEASE_RENEW_MS,
  type HeldZoneLease,
  type Log,
  type ZoneLeases,
} from '@necp/game';
import { repeat, type Repeating } from '../timers/repeat';

export interface ZoneKeeperOptions {
  leases: ZoneLeases;
  /** the zones this process may run (SIM_ZONES) */
  zoneIds: readonly string[];
  log: Log;
  renewMs?: number;
  acquireMs?: number;
  /** Serve the zone; false (e.g. PostgreSQL refused the token) hands the lease back. */
  onAcquired(lease: HeldZoneLease): Promise<boolean>;
  /** Stop serving the zone now: its lease is gone. */
  onLost(zoneId: string): Promise<void>;
  /** wall-clock ms (lease TTLs run on Redis' clock, not the game clock) */
  now?: () => number;
}

export interface OwnedZone {
  zoneId: string;
  token: number;
}

export class ZoneKeeper {
  private readonly held = new Map<string, { lease: HeldZoneLease; confirmedAt: number }>();
  /** acquired, being opened: renewed, not offered again */
  private readonly opening = new Set<string>();
  private loops: Repeating[] = [];
  private renewing = false;
  private acquiring: Promise<void> | undefined;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly opts: ZoneKeeperOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Takes what is free now (awaited, so the caller starts with its zones open), then keeps going. */
  async start(): Promise<void> {
    // renewing from the start: opening a zone (loading its drops) may outlast a TTL
    const renewMs = this.opts.renewMs ?? ZONE_LEASE_RENEW_MS;
    const log = this.opts.log;
    this.loops.push(
      repeat(renewMs, () => this.renewHeld(), { log, what: 'renewing zone leases' }),
      // a loop of its own: the renew loop waits on the stuck renew this looks past
      repeat(renewMs, () => this.loseUnconfirmed(), { log, what: 'dropping unconfirmed leases' }),
    );
    await this.acquireFree();
    if (this.stopped) return;
    const acquireMs = this.opts.acquireMs ?? ZONE_LEASE_ACQUIRE_MS;
    this.loops.push(repeat(acquireMs, () => this.acquireFree(), { log, what: 'acquiring zones' }));
  }

  owned(): OwnedZone[] {
    return [...this.held.values()]
      .map(({ lease }) => ({ zoneId: lease.zoneId, token: lease.token }))
      .sort((a, b) => a.zoneId.localeCompare(b.zoneId));
  }

  /**
   * True while the zone's lease is held but the zone is not open yet (claimed in
   * PostgreSQL, its drops loading): the web already sends its players here.
   */
  isOpening(zoneId: string): boolean {
    return this.opening.has(zoneId);
  }

  tokenOf(zoneId: string): number | undefined {
    return this.held.get(zoneId)?.lease.token;
  }

  /**
   * Stops renewing and acquiring (once an acquisition in flight has settled). The
   * leases held then run out after the TTL, as if this process had died, unless
   * releaseAll() frees them.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    // not awaited: a renew may hang on an unreachable Redis (no run starts after this)
    for (const l of this.loops) void l.stop();
    this.loops = [];
    await this.acquiring;
  }

  /** Frees every lease held for the next owner at once (clean shutdown, after saving). */
  async releaseAll(): Promise<void> {
    const leases = [...this.held.values()].map((h) => h.lease);
    this.held.clear();
    await Promise.all(
      leases.map((l) =>
        this.opts.leases.release(l).catch((err: unknown) => {
          this.opts.log.warn({ err, zone: l.zoneId }, 'releasing a zone lease failed');
        }),
      ),
    );
  }

  private acquireFree(): Promise<void> {
    // one round at a time: a slow Redis must not stack rounds
    return (this.acquiring ??= this.acquireRound().finally(() => (this.acquiring = undefined)));
  }

  private async acquireRound(): Promise<void> {
    // side by side: a standby taking over several zones opens them all at once
    await Promise.all(
      this.opts.zoneIds.map(async (zoneId) => {
        if (this.stopped || this.held.has(zoneId) || this.opening.has(zoneId)) return;
        // a refused claim raised the token floor: the second attempt outranks it
        const outcome = await this.take(zoneId);
        if (outcome === 'refused' && !this.stopped) await this.take(zoneId);
      }),
    );
  }

  private async take(zoneId: string): Promise<'serving' | 'busy' | 'refused' | 'redis_down'> {
    const sentAt = this.now();
    let lease: HeldZoneLease | null;
    try {
      lease = await this.opts.leases.tryAcquire(zoneId);
    } catch (err) {
      this.opts.log.warn({ err, zone: zoneId }, 'acquiring a zone lease failed');
      return 'redis_down';
    }
    if (!lease) return 'busy';
    const entry = { lease, confirmedAt: sentAt };
    this.held.set(zoneId, entry);
    this.opening.add(zoneId);
    let serving = false;
    try {
      serving = await this.opts.onAcquired(lease);
    } catch (err) {
      this.opts.log.error({ err, zone: zoneId }, 'opening an acquired zone failed');
    } finally {
      this.opening.delete(zoneId);
    }
    if (!serving) {
      if (this.held.get(zoneId) === entry) this.held.delete(zoneId);
      await this.opts.leases.release(lease).catch(() => undefined);
      return 'refused';
    }
    if (this.held.get(zoneId) !== entry) {
      // the lease ran out while the zone was opening: close it again
      await this.opts.onLost(zoneId);
      return 'refused';
    }
    this.opts.log.info({ zone: zoneId, token: lease.token }, 'zone lease acquired');
    return 'serving';
  }

  /**
   * A renew stuck on an unreachable Redis must not keep a zone past its TTL (memory
   * leases cannot be taken by anyone). A stalled event loop (no renew in flight) asks
   * Redis first: it takes back a lease that expired while nobody acquired the zone.
   */
  private async loseUnconfirmed(): Promise<void> {
    if (this.stopped || !this.opts.leases.fenced || !this.renewing) return;
    const now = this.now();
    for (const h of [...this.held.values()])
      if (now - h.confirmedAt >= this.opts.leases.ttlMs) await this.lose(h);
  }

  private async renewHeld(): Promise<void> {
    if (this.stopped) return;
    this.renewing = true;
    try {
      await Promise.all([...this.held.values()].map((h) => this.renewOne(h)));
    } finally {
      this.renewing = false;
    }
  }

  private async renewOne(h: { lease: HeldZoneLease; confirmedAt: number }): Promise<void> {
    const sentAt = this.now();
    let kept: boolean;
    try {
      kept = await this.opts.leases.renew(h.lease);
      if (kept) h.confirmedAt = sentAt;
    } catch (err) {
      // unknown: still ours only while the last confirmed renew has not run out
      kept = sentAt - h.confirmedAt < this.opts.leases.ttlMs;
      this.opts.log.warn({ err, zone: h.lease.zoneId, kept }, 'renewing a zone lease failed');
    }
    if (kept || this.stopped) return;
    await this.lose(h);
  }

  private async lose(h: { lease: HeldZoneLease; confirmedAt: number }): Promise<void> {
    if (this.held.get(h.lease.zoneId) !== h) return; // already given up
    this.held.delete(h.lease.zoneId);
    this.opts.log.warn({ zone: h.lease.zoneId, token: h.lease.token }, 'zone lease lost');
    await this.opts.onLost(h.lease.zoneId).catch((err: unknown) => {
      this.opts.log.error({ err, zone: h.lease.zoneId }, 'closing a lost zone failed');
    });
  }
}
