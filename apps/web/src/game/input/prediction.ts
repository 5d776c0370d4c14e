/**
 * Client-side prediction and server reconciliation for the own character.
 * Every input is applied locally at once with the shared stepPosition (the same
 * function the sim runs) and kept until the server acknowledges its seq. On each
 * snapshot the authoritative position replaces ours and the unacked inputs are
 * replayed on top of it, so an honest client ends where it already was.
 */
import {
  SNAP_DISTANCE,
  distance,
  stepPosition,
  type Bounds,
  type MoveInput,
  type Obstacle,
  type Vec2,
} from '@necp/shared';

/** The zone as far as movement cares: its size and the buildings that block it. */
export type MoveArea = Bounds & { obstacles?: readonly Obstacle[] };

/** Inputs older than this many are dropped (the server is far behind or gone). */
const MAX_PENDING = 200;

export interface ReconcileResult {
  /** predicted position before and after reconciling */
  before: Vec2;
  after: Vec2;
  /** the correction was too big to smooth over: jump */
  snapped: boolean;
}

export class Predictor {
  private pending: MoveInput[] = [];

  constructor(
    private position: Vec2,
    private seq: number,
    private speed: number,
    private area: MoveArea,
  ) {}

  get pos(): Vec2 {
    return this.position;
  }
  get lastSeq(): number {
    return this.seq;
  }
  get pendingCount(): number {
    return this.pending.length;
  }

  /**
   * The server changed our speed (overweight, items). Inputs still pending were
   * already applied at the old speed; the server applies them at the new one, and
   * the next reconcile replays them with it, so no correction is needed here.
   */
  setSpeed(speed: number) {
    this.speed = speed;
  }

  /** Applies a movement input locally and returns it, numbered, for sending. */
  apply(dx: number, dy: number, ms: number): MoveInput {
    this.seq += 1;
    const input: MoveInput = { seq: this.seq, dx, dy, ms };
    this.position = this.step(this.position, input);
    this.pending.push(input);
    if (this.pending.length > MAX_PENDING) this.pending.shift();
    return input;
  }

  /** Exactly what the sim does with an input: slide along buildings, stay in the zone. */
  private step(p: Vec2, i: MoveInput): Vec2 {
    return stepPosition(p, i.dx, i.dy, i.ms, this.speed, this.area, this.area.obstacles);
  }

  /** Server says: after input `ack` you were at `server`. */
  reconcile(ack: number, server: Vec2): ReconcileResult {
    const before = this.position;
    this.pending = this.pending.filter((i) => i.seq > ack);
    let p = server;
    for (const i of this.pending) p = this.step(p, i);
    this.position = p;
    return { before, after: p, snapped: distance(before, p) > SNAP_DISTANCE };
  }
}
