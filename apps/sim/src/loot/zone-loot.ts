import { expireDrops, listZoneDrops, type GameDeps, type Log } from '@necp/game';
import type { Zone } from '../zone/zone';
import { CrateCooldowns } from './crate-cooldowns';

/** How often (clock ms) a zone destroys expired drops in the database. */
export const DROP_SWEEP_MS = 5_000;

/**
 * Keeps one zone's drop entities in step with the WorldDrop table: loads them at
 * start (drops survive a restart) and sweeps expired ones every DROP_SWEEP_MS.
 * The zone already hides a drop the moment its despawnAt passes; the sweep
 * destroys it for good (ledger sink `despawn`). Also holds the zone's crate cooldowns.
 */
export class ZoneLoot {
  readonly crates: CrateCooldowns;
  private sweeping: Promise<void> | undefined;

  constructor(
    private readonly deps: GameDeps,
    readonly zone: Zone,
    private readonly log: Log,
  ) {
    this.crates = new CrateCooldowns(deps.clock);
  }

  /** Shows every drop still lying in the zone; call before accepting players. */
  async load(): Promise<number> {
    const drops = await listZoneDrops(this.deps, this.zone.id);
    // in the inbox before any player's arrival, so the first tick shows them first
    for (const drop of drops) this.zone.submit({ k: 'drop_add', drop });
    return drops.length;
  }

  /** Schedules the sweep on the zone's tick, every `sweepMs` of its clock (0: never). */
  start(sweepMs = DROP_SWEEP_MS): void {
    if (sweepMs > 0) this.zone.every(sweepMs, () => void this.sweep());
  }

  /** One sweep at a time: a slow database must not stack them up. Never rejects. */
  sweep(): Promise<void> {
    this.sweeping ??= this.runSweep().finally(() => {
      this.sweeping = undefined;
    });
    return this.sweeping;
  }

  /** Resolves once no sweep is running (server shutdown). */
  async idle(): Promise<void> {
    await this.sweeping;
  }

  private async runSweep(): Promise<void> {
    try {
      const removed = await expireDrops(this.deps, this.zone.id, this.zone.fence);
      for (const dropId of removed) this.zone.submit({ k: 'drop_remove', dropId });
      if (removed.length > 0)
        this.log.debug({ zone: this.zone.id, removed: removed.length }, 'drops despawned');
    } catch (err) {
      this.log.error({ err, zone: this.zone.id }, 'drop sweep failed; will retry');
    }
  }
}
