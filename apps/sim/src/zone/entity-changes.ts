import { headingByte, toCm, type EntityInfo } from '@necp/shared';
import { effectBriefs } from '../combat/combat-state';
import type { AoiGrid } from './aoi-grid';
import type { Npc } from '../npc/npc';
import { entityInfo, type Entity } from './entity';
import type { EntityTick } from './entity-tick';
import type { Player } from './player';

const utf8 = new TextEncoder();

/**
 * The zone's per-tick change pass: one look at every entity (O(entities)), so
 * that per-client work only touches what changed. Cells in which something
 * changed are stamped in the grid; a client whose square has no stamped cell
 * and who did not move itself has nothing to be told.
 */
export class EntityChanges {
  private readonly ticks = new Map<number, EntityTick>();
  /** per grid cell, the records of the entities filed in it (a diff scans these, no lookups) */
  private readonly cells = new Map<number, EntityTick[]>();
  private tick = 0;
  private now = 0;
  /** eids whose description changed since the last prepare */
  private readonly redescribed = new Set<number>();

  constructor(private readonly grid: AoiGrid) {}

  get(eid: number): EntityTick | undefined {
    return this.ticks.get(eid);
  }

  /** The records of the entities in one grid cell (as of the last prepare). */
  inCell(key: number): readonly EntityTick[] | undefined {
    return this.cells.get(key);
  }

  private file(t: EntityTick, cell: number): void {
    let list = this.cells.get(cell);
    if (!list) this.cells.set(cell, (list = []));
    t.cell = cell;
    t.slot = list.length;
    list.push(t);
  }

  private unfile(t: EntityTick): void {
    const list = this.cells.get(t.cell);
    if (!list) return;
    const last = list.pop();
    if (last && last !== t) {
      list[t.slot] = last;
      last.slot = t.slot;
    }
  }

  /**
   * Its description changed (a new title): from the next prepare on, every client
   * that sees it is sent it again, as an add of the sid it already has. Rare, so it
   * costs the tick nothing when unused.
   */
  redescribe(eid: number): void {
    this.redescribed.add(eid);
  }

  /** Its description for an `add` (made once per tick, whoever asks). */
  info(eid: number, e: Entity): EntityInfo {
    const t = this.ticks.get(eid);
    if (!t) return entityInfo(e, this.now);
    if (t.infoAt !== this.tick || !t.info) {
      t.info = entityInfo(e, this.now);
      t.infoAt = this.tick;
    }
    return t.info;
  }

  /**
   * Its add record's shared part: the UTF-8 JSON of its description and heading
   * after the opening brace, encoded once per tick whoever it enters the view of
   * (each client puts its own `{"sid":n,` in front).
   */
  infoJson(t: EntityTick, e: Entity): Uint8Array {
    if (t.infoJsonAt !== this.tick || !t.infoJson) {
      const json = JSON.stringify({ hd: t.heading, ...this.info(t.eid, e) });
      t.infoJson = utf8.encode(json.slice(1));
      t.infoJsonAt = this.tick;
    }
    return t.infoJson;
  }

  /** The UTF-8 JSON of its effect briefs, encoded once after they changed. */
  briefsJson(t: EntityTick): Uint8Array {
    return (t.briefsJson ??= utf8.encode(JSON.stringify(t.briefs)));
  }

  prepare(
    tick: number,
    now: number,
    entities: ReadonlyMap<number, Entity>,
    events: readonly { src: number; dst: number }[] = [],
  ): void {
    this.tick = tick;
    this.now = now;
    for (const [eid, t] of this.ticks) {
      if (entities.has(eid)) continue;
      // gone (hidden, left): its viewers must look this tick
      this.grid.touch(t.cell, tick);
      t.gone = true;
      this.unfile(t);
      this.ticks.delete(eid);
    }
    for (const [eid, e] of entities) {
      let t = this.ticks.get(eid);
      if (!t) {
        const cell = this.grid.cellKeyOf(eid) ?? 0;
        t = fresh(e, tick, now, cell);
        this.ticks.set(eid, t);
        this.file(t, cell);
        this.grid.touch(cell, tick);
      } else {
        // (the cell is looked up only for what moved: most of an idle crowd did not)
        if (e.x !== t.x || e.y !== t.y) this.moved(t, e, tick, this.grid.cellKeyOf(eid) ?? 0);
        if (e.kind === 'player' || e.kind === 'npc') this.vitals(t, e, tick, now);
      }
    }
    if (this.redescribed.size > 0) {
      for (const eid of this.redescribed) {
        const t = this.ticks.get(eid);
        if (!t) continue; // gone, or new this tick (its add describes it as it is now)
        t.describedAt = tick;
        // a viewer looks at entities whose vitals changed since its last look
        t.vitalsAt = tick;
        this.grid.touch(t.cell, tick);
      }
      this.redescribed.clear();
    }
    // a combat event shows to whoever sees its source or target
    for (const ev of events) {
      const src = this.ticks.get(ev.src);
      if (src) {
        src.evAt = tick;
        this.grid.touch(src.cell, tick);
      }
      const dst = this.ticks.get(ev.dst);
      if (dst) {
        dst.evAt = tick;
        this.grid.touch(dst.cell, tick);
      }
    }
  }

  private moved(t: EntityTick, e: Entity, tick: number, cell: number): void {
    t.x = e.x;
    t.y = e.y;
    t.movedAt = tick;
    this.grid.touch(cell, tick);
    if (cell !== t.cell) {
      this.grid.touch(t.cell, tick);
      this.unfile(t);
      this.file(t, cell);
    }
    const qx = toCm(e.x);
    const qy = toCm(e.y);
    if (qx === t.qx && qy === t.qy) return;
    t.heading = headingByte(qx - t.qx, qy - t.qy);
    t.qx = qx;
    t.qy = qy;
  }

  private vitals(t: EntityTick, e: Player | Npc, tick: number, now: number): void {
    const dead = e.combat.dead;
    const effects = e.combat.effects;
    if (
      e.health === t.health &&
      e.maxHealth === t.maxHealth &&
      dead === t.dead &&
      effects === t.effects
    )
      return;
    if (effects !== t.effects) {
      t.briefs = effectBriefs(effects, now);
      t.briefsJson = null;
      t.fxAt = tick;
    }
    if (e.health !== t.health || e.maxHealth !== t.maxHealth) t.hpAt = tick;
    if (dead !== t.dead) t.deadAt = tick;
    t.health = e.health;
    t.maxHealth = e.maxHealth;
    t.dead = dead;
    t.effects = effects;
    t.vitalsAt = tick;
    this.grid.touch(t.cell, tick);
  }
}

function fresh(e: Entity, tick: number, now: number, cell: number): EntityTick {
  const fighter = e.kind === 'player' || e.kind === 'npc';
  const qx = toCm(e.x);
  const qy = toCm(e.y);
  return {
    eid: e.eid,
    gone: false,
    x: e.x,
    y: e.y,
    movedAt: tick,
    qx,
    qy,
    heading: 0,
    health: fighter ? e.health : 0,
    maxHealth: fighter ? e.maxHealth : 0,
    dead: fighter ? e.combat.dead : false,
    effects: fighter ? e.combat.effects : null,
    briefs: fighter ? effectBriefs(e.combat.effects, now) : [],
    vitalsAt: tick,
    hpAt: tick,
    deadAt: tick,
    fxAt: tick,
    evAt: -1,
    describedAt: -1,
    cell,
    slot: -1,
    mark: 0,
    info: null,
    infoAt: -1,
    infoJson: null,
    infoJsonAt: -1,
    briefsJson: null,
  };
}
