import { LEAVE_RADIUS } from '@necp/shared';
import { PositionHistory } from '../combat/position-history';
import type { Fighter } from '../combat/fighter';
import type { PlayerView } from '../npc/npc-world';
import { AoiGrid } from './aoi-grid';
import type { Entity } from './entity';
import { EntityChanges } from './entity-changes';
import type { Player } from './player';

/**
 * What is where in one zone: the entities clients can see (by eid), the AOI grid
 * that answers "who is near", and each fighter's recent positions for lag
 * compensation. Hidden entities (despawned NPCs) keep their history until they
 * show again; only a player leaving for good forgets it.
 */
export class ZoneSpace {
  readonly entities = new Map<number, Entity>();
  readonly grid: AoiGrid;
  /** what changed this tick, worked out once for every client's snapshot */
  readonly changes: EntityChanges;
  private readonly histories = new Map<number, PositionHistory>();

  constructor(
    cellSize: number,
    width: number,
    height: number,
    /** the zone's current tick (positions are recorded against it) */
    private readonly tick: () => number,
  ) {
    this.grid = new AoiGrid(cellSize, width, height, LEAVE_RADIUS);
    this.changes = new EntityChanges(this.grid);
  }

  /** Puts an entity in view; a fighter's position is recorded at once. */
  show(e: Entity): void {
    this.entities.set(e.eid, e);
    this.grid.upsert(e.eid, e.x, e.y);
    if (e.kind === 'player' || e.kind === 'npc') this.recordPosition(e);
  }

  /** Takes an entity out of view; viewers see it leave on the next tick. */
  hide(eid: number): void {
    this.entities.delete(eid);
    this.grid.remove(eid);
  }

  has(eid: number): boolean {
    return this.entities.has(eid);
  }

  /** A fighter moved: re-filed in the grid if shown, and recorded for this tick either way. */
  moved(f: Fighter): void {
    if (this.entities.has(f.eid)) this.grid.upsert(f.eid, f.x, f.y);
    this.recordPosition(f);
  }

  /** A player left the zone: its rewind history goes too. */
  forgetHistory(eid: number): void {
    this.histories.delete(eid);
  }

  /** Where the entity was at `tick`, clamped to the rewind window. */
  positionAt(eid: number, tick: number): { x: number; y: number } | undefined {
    return this.histories.get(eid)?.at(tick, this.tick());
  }

  /** A player or NPC in view by eid (hidden NPC corpses are not). */
  fighter(eid: number): Fighter | undefined {
    const e = this.entities.get(eid);
    return e?.kind === 'player' || e?.kind === 'npc' ? e : undefined;
  }

  player(eid: number): Player | undefined {
    const e = this.entities.get(eid);
    return e?.kind === 'player' ? e : undefined;
  }

  fightersNear(x: number, y: number, radius: number): Fighter[] {
    const out: Fighter[] = [];
    this.grid.forEachNear(x, y, radius, (eid) => {
      const f = this.fighter(eid);
      if (f && Math.hypot(f.x - x, f.y - y) <= radius) out.push(f);
    });
    return out;
  }

  playersNear(x: number, y: number, radius: number): PlayerView[] {
    const out: PlayerView[] = [];
    this.grid.forEachNear(x, y, radius, (eid) => {
      const e = this.entities.get(eid);
      if (e?.kind === 'player' && Math.hypot(e.x - x, e.y - y) <= radius) out.push(playerView(e));
    });
    return out;
  }

  private recordPosition(f: Fighter): void {
    let h = this.histories.get(f.eid);
    if (!h) this.histories.set(f.eid, (h = new PositionHistory()));
    h.record(this.tick(), f.x, f.y);
  }
}

/** A player as NPC brains see it. */
export const playerView = (p: Player): PlayerView => ({
  eid: p.eid,
  x: p.x,
  y: p.y,
  level: p.level,
  dead: p.combat.dead,
});
