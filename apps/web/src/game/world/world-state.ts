/**
 * What this client knows about its zone: the zone layout, its own character
 * (predicted) and the other entities in view (interpolated). Applies welcome
 * and snapshot messages; pure apart from the timestamps passed in.
 */
import {
  fromCm,
  type EntityInfo,
  type SnapshotMsg,
  type Vec2,
  type WelcomeMsg,
  type ZoneInfo,
} from '@necp/shared';
import { InterpolationBuffer } from '../interp/interpolation-buffer';
import { Predictor } from '../input/prediction';
import { SmoothedSelf } from './smoothed-self';
import { groundCrate, groundDrop } from './ground-items';
import type { GroundCrate, GroundDrop } from './interaction';

export interface RemoteEntity {
  info: EntityInfo;
  buffer: InterpolationBuffer;
}

export class WorldState {
  readonly zone: ZoneInfo;
  readonly self: WelcomeMsg['self'];
  readonly predictor: Predictor;
  readonly view: SmoothedSelf;
  /** players and NPCs in view (interpolated) */
  readonly others = new Map<number, RemoteEntity>();
  /** loot on the street and crates: they never move, so no interpolation */
  readonly drops = new Map<number, GroundDrop>();
  readonly crates = new Map<number, GroundCrate>();
  /** live values of the own character (char:stats updates them) */
  stats: { level: number; health: number; maxHealth: number; speed: number };
  /** last movement direction of the own character, for drawing its heading */
  heading: Vec2 = { x: 0, y: 1 };
  private readonly snapshotMs: number;

  constructor(welcome: WelcomeMsg, now: number) {
    this.zone = welcome.zone;
    this.self = welcome.self;
    this.snapshotMs = 1000 / welcome.tickHz;
    const start = { x: fromCm(welcome.self.x), y: fromCm(welcome.self.y) };
    this.predictor = new Predictor(start, welcome.lastSeq, welcome.self.speed, welcome.zone);
    this.view = new SmoothedSelf(start, now);
    const { level, health, maxHealth, speed } = welcome.self;
    this.stats = { level, health, maxHealth, speed };
  }

  /** The server's speed (encumbrance, items) drives prediction, or we would rubber-band. */
  setStats(s: { level: number; health: number; maxHealth: number; speed: number }) {
    this.stats = { ...s };
    this.predictor.setSpeed(s.speed);
  }

  applySnapshot(s: SnapshotMsg, now: number) {
    for (const eid of s.del) {
      this.others.delete(eid);
      this.drops.delete(eid);
      this.crates.delete(eid);
    }
    for (const e of s.add) {
      if (e.eid === this.self.eid) continue;
      if (e.kind === 'drop') {
        this.drops.set(e.eid, groundDrop(e));
        continue;
      }
      if (e.kind === 'crate') {
        this.crates.set(e.eid, groundCrate(e));
        continue;
      }
      const p = { x: fromCm(e.x), y: fromCm(e.y) };
      this.others.set(e.eid, { info: e, buffer: new InterpolationBuffer(p, now, this.snapshotMs) });
    }
    for (const [eid, x, y] of s.mv) {
      if (eid === this.self.eid) continue;
      this.others.get(eid)?.buffer.push({ x: fromCm(x), y: fromCm(y) }, now);
    }
    const r = this.predictor.reconcile(s.ack, { x: fromCm(s.me[0]), y: fromCm(s.me[1]) });
    this.view.corrected(r.before, r.after, r.snapped);
  }

  /** Moves the own character locally (prediction); returns the inputs to send. */
  move(chunks: { dx: number; dy: number; ms: number }[], now: number) {
    const inputs = chunks.map((c) => this.predictor.apply(c.dx, c.dy, c.ms));
    const last = chunks[chunks.length - 1];
    if (last) this.heading = { x: last.dx, y: last.dy };
    this.view.stepped(this.predictor.pos, now);
    return inputs;
  }
}
