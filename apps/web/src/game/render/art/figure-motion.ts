/**
 * How each figure moves as drawn: which way it faces and where it is in its walk
 * cycle, from the positions the renderer draws it at (interpolated, so a remote
 * player's legs follow its smoothed motion). A figure that has not moved for a moment
 * stands; one that stops keeps facing the way it went.
 */
import { CYCLE_M, facingOf, type FigureState } from './figure-sprites';
import type { Act } from './pose';

/** ms without movement after which a figure stands (a jittery stop does not shuffle) */
const STILL_MS = 150;
/** metres a frame may move before it counts as a jump (a teleport, a respawn), not a walk */
const JUMP_M = 3;
/** ms a death's fall and a respawn's beam take */
export const FALL_MS = 450;
export const RISE_MS = 600;
/** ms an attack or a cast's release shows */
export const ACT_MS = 260;

/** What the figure was last seen doing: ms since its last act, and which (none: null). */
export interface ActSeen {
  ago: number;
  act: Act;
}

interface Track {
  x: number;
  y: number;
  walked: number;
  dir: FigureState['dir'];
  movedAt: number;
  seen: number;
  dead: boolean;
  /** when it died or came back (as drawn); -Infinity: not while watched */
  changedAt: number;
}

export class FigureMotion {
  private readonly tracks = new Map<number, Track>();
  private frame = 0;

  /** Call once per drawn frame before `state`: figures not seen for a while are forgotten. */
  beginFrame() {
    this.frame++;
    if (this.frame % 120 === 0)
      for (const [id, t] of this.tracks) if (this.frame - t.seen > 120) this.tracks.delete(id);
  }

  /**
   * `acting`: its last attack or cast (an ongoing cast keeps the pose); a death seen
   * falls for FALL_MS, a return seen rises for RISE_MS.
   */
  state(
    id: number,
    x: number,
    y: number,
    dead: boolean,
    now: number,
    acting: ActSeen | null = null,
  ): FigureState {
    let t = this.tracks.get(id);
    if (!t) {
      t = {
        x,
        y,
        walked: 0,
        dir: 'down',
        movedAt: -Infinity,
        seen: this.frame,
        dead,
        changedAt: -Infinity,
      };
      this.tracks.set(id, t);
    }
    if (dead !== t.dead) {
      t.dead = dead;
      t.changedAt = now;
    }
    t.seen = this.frame;
    const dx = x - t.x;
    const dy = y - t.y;
    const d = Math.hypot(dx, dy);
    if (d > 0.005 && d < JUMP_M) {
      t.walked += d;
      t.dir = facingOf(dx, dy, t.dir);
      t.movedAt = now;
    }
    t.x = x;
    t.y = y;
    const walking = !dead && now - t.movedAt < STILL_MS;
    const since = now - t.changedAt;
    const state: FigureState = {
      dir: t.dir,
      phase: walking ? (t.walked % CYCLE_M) / CYCLE_M : null,
      dead,
      act: !dead && acting && acting.ago < ACT_MS ? acting.act : null,
    };
    if (dead && since < FALL_MS) state.fall = since / FALL_MS;
    if (!dead && since < RISE_MS) state.rise = since / RISE_MS;
    return state;
  }
}
