import type { ZoneContent } from '@necp/shared';
import type { ZoneDrop } from '@necp/game';
import type { CrateEntity, DropEntity } from './world-objects';
import type { ZoneSpace } from './zone-space';

/** The drops lying in a zone (mirrored from WorldDrop rows) and its supply crates. */
export class DropsAndCrates {
  /** by WorldDrop id */
  private readonly drops = new Map<string, DropEntity>();
  /** earliest despawnAt among the drops: ticks before it skip the expiry scan */
  private nextDespawnAt = Infinity;
  private readonly crates = new Map<number, CrateEntity>();

  constructor(
    private readonly zoneId: string,
    private readonly space: ZoneSpace,
    private readonly allocEid: () => number,
  ) {}

  get dropCount(): number {
    return this.drops.size;
  }

  /** Shows a crate at every `loot_crate` spawn point that has a loot table. */
  placeCrates(spawnPoints: ZoneContent['spawnPoints']): void {
    for (const s of spawnPoints) {
      if (s.kind !== 'loot_crate' || !s.lootTable) continue;
      const crate: CrateEntity = {
        kind: 'crate',
        eid: this.allocEid(),
        spawnId: s.id,
        name: s.name,
        lootTable: s.lootTable,
        x: s.x,
        y: s.y,
      };
      this.crates.set(crate.eid, crate);
      this.space.show(crate);
    }
  }

  /** Shows a drop (idempotent: a drop already shown keeps its eid). Drops of other zones are ignored. */
  addDrop(drop: ZoneDrop): Readonly<DropEntity> | undefined {
    if (drop.zoneId !== this.zoneId) return undefined;
    const known = this.drops.get(drop.id);
    if (known) return known;
    const e: DropEntity = { ...drop, kind: 'drop', eid: this.allocEid() };
    this.drops.set(e.id, e);
    this.space.show(e);
    this.nextDespawnAt = Math.min(this.nextDespawnAt, e.despawnAt);
    return e;
  }

  /** Hides a drop (picked up, expired); viewers see it leave on the next tick. */
  removeDrop(dropId: string): boolean {
    const e = this.drops.get(dropId);
    if (!e) return false;
    this.drops.delete(dropId);
    this.space.hide(e.eid);
    return true;
  }

  /** Every drop shown (in no particular order). */
  allDrops(): IterableIterator<Readonly<DropEntity>> {
    return this.drops.values();
  }

  dropByEid(eid: number): Readonly<DropEntity> | undefined {
    const e = this.space.entities.get(eid);
    return e?.kind === 'drop' ? e : undefined;
  }

  crateByEid(eid: number): Readonly<CrateEntity> | undefined {
    return this.crates.get(eid);
  }

  /** Expired drops leave view on the clock; the DB sweep (a periodic task) destroys them for good. */
  hideExpired(now: number): void {
    if (now < this.nextDespawnAt) return;
    let next = Infinity;
    for (const d of [...this.drops.values()]) {
      if (d.despawnAt <= now) this.removeDrop(d.id);
      else next = Math.min(next, d.despawnAt);
    }
    this.nextDespawnAt = next;
  }
}
