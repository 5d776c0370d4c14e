/**
 * The on-screen stick as a movement source: the finger's offset from the stick's
 * centre becomes a direction with an analogue length (the movement rules accept
 * −1…1 per axis and normalise longer vectors), with a dead zone so a resting
 * thumb does not drift.
 */

/** below this fraction of the radius the stick reads as centred */
export const STICK_DEAD_ZONE = 0.18;
/** past this fraction of the radius the character runs at full speed */
export const STICK_FULL = 0.7;

export interface StickVector {
  dx: number;
  dy: number;
}

/** Offset (pixels, y down) from the stick's centre → a movement direction of length ≤ 1. */
export function stickVector(offX: number, offY: number, radius: number): StickVector {
  const len = Math.hypot(offX, offY);
  if (!Number.isFinite(len) || radius <= 0 || len <= radius * STICK_DEAD_ZONE) {
    return { dx: 0, dy: 0 };
  }
  const t = Math.min(1, (len / radius - STICK_DEAD_ZONE) / (STICK_FULL - STICK_DEAD_ZONE));
  return { dx: (offX / len) * t, dy: (offY / len) * t };
}

/** Where the knob is drawn: the finger, kept inside the ring. */
export function knobOffset(offX: number, offY: number, radius: number): StickVector {
  const len = Math.hypot(offX, offY);
  if (len <= radius || len === 0) return { dx: offX, dy: offY };
  return { dx: (offX / len) * radius, dy: (offY / len) * radius };
}

/** The stick's current direction, shared by the touch UI (writes) and the input sampler (reads). */
export class StickInput {
  private current: StickVector = { dx: 0, dy: 0 };

  set(v: StickVector) {
    this.current = v;
  }

  clear = () => {
    this.current = { dx: 0, dy: 0 };
  };

  direction(): StickVector {
    return this.current;
  }
}

/** Keys win over the stick (a tablet with a keyboard); either alone moves. */
export function combineDirections(keys: StickVector, stick: StickVector | null): StickVector {
  if (keys.dx !== 0 || keys.dy !== 0 || !stick) return keys;
  return stick;
}
