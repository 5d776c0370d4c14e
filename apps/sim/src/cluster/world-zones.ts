/**
 * The open-world zones of one sim process: which it runs follows its zone leases
 * (ZoneKeeper). A zone whose lease it takes is claimed in PostgreSQL (its fencing
 * token), built and started; a zone whose lease it loses is stopped, its players
 * told to reconnect to the new owner. The instances' zones join the same map
 * (instances/instance-host.ts), so the handshake and handlers find every zone there.
 */
import type { KickMsg, ZoneContent } from '@necp/shared';
import {
  claimZone,
  type Clock,
  type GameDeps,
  type HeldZoneLease,
  type Log,
  type ZoneFence,
  type ZoneLeases,
} from '@necp/game';
import { recordZones, type RecordingFile } from '../replay/recording-files';
import { kick, type SessionRegistry } from '../session/sessions';
import type { PositionSink } from '../zone/position-writer';
import { Zone } from '../zone/zone';
import { startZoneLoop } from '../zone/zone-loop';
import type { ZoneServices } from '../zone/zone-services';
import { ZoneKeeper, type OwnedZone } from './zone-keeper';

export interface WorldZonesOptions {
  deps: GameDeps;
  clock: Clock;
  log: Log;
  positions: PositionSink;
  /** the live zones this process may run (SIM_ZONES), in content order */
  mayRun: readonly ZoneContent[];
  leases: ZoneLeases;
  renewMs?: number | undefined;
  acquireMs?: number | undefined;
  /** the zones this process runs now (shared with the instance host) */
  zones: Map<string, Zone>;
  /** kills pay, drops show and sweep, areas announce (zone/zone-services.ts) */
  services: Pick<ZoneServices, 'attach' | 'detach'>;
  sessions: SessionRegistry;
  /** false: the zones spawn no NPCs */
  npcs: boolean;
  /** false: tests step the zones themselves */
  autoTick: boolean;
  applyCommands?: 'in-tick' | 'at-once' | undefined;
  /** record every zone into this directory (replay/recording-files.ts) */
  recordDir?: string | undefined;
  isClosing(): boolean;
}

export class WorldZones {
  private readonly keeper: ZoneKeeper;
  private readonly loops = new Map<string, () => void>();
  private readonly recordings = new Map<string, RecordingFile>();
  /** drops loaded with the zones opened so far (the start log shows them) */
  drops = 0;

  constructor(private readonly o: WorldZonesOptions) {
    this.keeper = new ZoneKeeper({
      leases: o.leases,
      zoneIds: o.mayRun.map((z) => z.id),
      log: o.log,
      ...(o.renewMs === undefined ? {} : { renewMs: o.renewMs }),
      ...(o.acquireMs === undefined ? {} : { acquireMs: o.acquireMs }),
      onAcquired: (lease) => this.acquired(lease),
      onLost: (zoneId) =>
        this.close(zoneId, {
          reason: 'zone_moved',
          message: 'This district moved to another server. Reconnecting…',
        }),
    });
  }

  /** Takes the zones that are free now (opened when this resolves), then keeps the leases. */
  start(): Promise<void> {
    return this.keeper.start();
  }

  /** The zones whose lease this process holds, with their fencing tokens. */
  owned(): OwnedZone[] {
    return this.keeper.owned();
  }

  /** Its lease is taken, the zone not open yet (the handshake asks the player to retry). */
  isOpening(zoneId: string): boolean {
    return this.keeper.isOpening(zoneId);
  }

  /** Stops renewing and acquiring leases (shutdown, or a test of a dying process). */
  haltLeases(): Promise<void> {
    return this.keeper.stop();
  }

  /** Shutdown, first: no zone ticks any more (the players are kicked next). */
  stopTicking(): void {
    for (const stop of this.loops.values()) stop();
  }

  /** Shutdown: every zone saves and closes, then the leases go back. */
  async closeAll(): Promise<void> {
    await this.keeper.stop();
    await Promise.all([...this.o.zones.keys()].map((id) => this.close(id)));
    // released only once saved: the next owner must load what this one wrote
    await this.keeper.releaseAll();
    await Promise.all([...this.recordings.values()].map((r) => r.close()));
  }

  private async acquired(lease: HeldZoneLease): Promise<boolean> {
    const { leases } = this.o;
    const content = this.o.mayRun.find((z) => z.id === lease.zoneId);
    if (!content || this.o.isClosing()) return false;
    if (leases.fenced && !(await this.claimInDb(lease))) return false;
    await this.open(
      content,
      leases.fenced ? { zoneId: lease.zoneId, token: lease.token } : undefined,
    );
    return true;
  }

  /** PostgreSQL learns the new owner's token before anything of the zone is loaded. */
  private async claimInDb(lease: HeldZoneLease): Promise<boolean> {
    const { zoneId, token, ownerId } = lease;
    const claim = await claimZone(this.o.deps, { zoneId, token, ownerId });
    if (claim.ok) return true;
    // a later owner claimed it (this lease went stale), or Redis lost its counters
    this.o.log.warn({ zone: zoneId, token, current: claim.current }, 'zone claim refused');
    await this.o.leases.raiseTokenFloor(zoneId, claim.current);
    return false;
  }

  /**
   * Builds and starts a zone this process now owns (its lease is held). `fence`: the
   * lease token its database writes carry (absent without Redis: nothing to fence).
   */
  private async open(content: ZoneContent, fence: ZoneFence | undefined): Promise<void> {
    const { deps, clock, log, zones } = this.o;
    // each zone has its own seed (drawn from the deps' rng); its streams derive from it
    const zone = new Zone({
      content,
      clock,
      log,
      positions: this.o.positions,
      seed: deps.rng.int(0, 0x7fffffff),
      npcs: this.o.npcs,
      fence,
      ...(this.o.applyCommands ? { applyCommands: this.o.applyCommands } : {}),
    });
    // before anything reaches the zone: a recording starts at tick 0
    if (this.o.recordDir)
      this.recordings.set(zone.id, recordZones([zone], this.o.recordDir, log)[0]!);
    this.drops += await this.o.services.attach(zone);
    zones.set(zone.id, zone);
    // zones opened side by side finish in any order: keep content order (iteration is deterministic)
    const rank = (id: string) => this.o.mayRun.findIndex((z) => z.id === id);
    const ordered = [...zones.values()].sort((x, y) => rank(x.id) - rank(y.id));
    zones.clear();
    for (const z of ordered) zones.set(z.id, z);
    if (this.o.autoTick) this.loops.set(zone.id, startZoneLoop(zone, clock, log));
  }

  /**
   * Stops running a zone (its lease is gone, or shutdown): no new arrivals, its
   * players are kicked with `kickMsg` (zone_moved: fetch a new ticket, reconnect to
   * the new owner) and saved, its pending database work finishes.
   */
  private async close(zoneId: string, kickMsg?: KickMsg): Promise<void> {
    const zone = this.o.zones.get(zoneId);
    if (!zone) return;
    this.o.zones.delete(zoneId);
    this.loops.get(zoneId)?.();
    this.loops.delete(zoneId);
    if (kickMsg)
      for (const s of this.o.sessions.all()) if (s.zone === zone) kick(s.socket, kickMsg);
    await zone.shutdown();
    await this.o.services.detach(zoneId);
    await this.recordings.get(zoneId)?.close();
    this.recordings.delete(zoneId);
  }
}
