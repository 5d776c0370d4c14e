import type { EntityTick } from './entity-tick';

/**
 * What one client was last sent about the entities in its view, as a table
 * indexed by the client's small id (sid; 0 is the client itself and unused here).
 *
 * Why not a Map of objects: a viewer holds one row per visible entity — ~280 in
 * the idle bench's 10,000-player zone — and a Map entry plus an object was
 * ~130–200 bytes a row (apps/sim/README.md, "What one idle connection costs").
 * Here a row is the entity's shared per-tick record, the quantised position last
 * sent and the tick its vitals were last sent at: ~16 bytes, in arrays a diff walks
 * in order.
 */
export class SeenTable {
  /** the entity's shared record, by sid (null: a free sid) */
  readonly refs: (EntityTick | null)[] = [null];
  /** quantised position last sent (cm), by sid */
  x: Int32Array;
  y: Int32Array;
  /** the tick whose vitals (health, death, effects) were last sent, by sid */
  vitalsAt: Int32Array;
  /** sids freed by entities that left (reused first) */
  private readonly free: number[] = [];
  private live = 0;

  constructor(capacity = 8) {
    this.x = new Int32Array(capacity);
    this.y = new Int32Array(capacity);
    this.vitalsAt = new Int32Array(capacity);
  }

  /** entities in view */
  get size(): number {
    return this.live;
  }

  /** One past the highest sid ever handed out (iterate 1..end, skip null refs). */
  get end(): number {
    return this.refs.length;
  }

  /** Files an entity that entered view; returns its sid. */
  add(t: EntityTick, x: number, y: number, vitalsAt: number): number {
    let sid = this.free.pop();
    if (sid === undefined) {
      sid = this.refs.length;
      if (sid >= this.x.length) this.grow(sid + 1);
      this.refs.push(t);
    } else this.refs[sid] = t;
    this.x[sid] = x;
    this.y[sid] = y;
    this.vitalsAt[sid] = vitalsAt;
    this.live++;
    return sid;
  }

  /** The entity behind `sid` left view: the sid is free for the next one. */
  remove(sid: number): void {
    if (!this.refs[sid]) return;
    this.refs[sid] = null;
    this.free.push(sid);
    this.live--;
  }

  /** Whether the entity is in view (a scan: for tests and rare checks, not the tick's hot path). */
  has(eid: number): boolean {
    for (let sid = 1; sid < this.refs.length; sid++) if (this.refs[sid]?.eid === eid) return true;
    return false;
  }

  private grow(min: number): void {
    const cap = Math.max(min, Math.ceil(this.x.length * 1.5));
    const grown = (a: Int32Array): Int32Array => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.x = grown(this.x);
    this.y = grown(this.y);
    this.vitalsAt = grown(this.vitalsAt);
  }
}
