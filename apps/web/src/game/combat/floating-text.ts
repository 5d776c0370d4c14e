/**
 * Floating combat text: numbers and words that rise over an entity and fade.
 * Each text follows its anchor entity while it is in view (and stays where it was
 * last seen when it leaves). Pure bookkeeping; the renderer draws `live(now)`.
 */
import type { Vec2 } from '@necp/shared';

export type FloatKind =
  | 'damage' // you hit something
  | 'damage_taken' // something hit you
  | 'crit'
  | 'miss'
  | 'heal'
  | 'dot'
  | 'effect'
  | 'xp';

export interface FloatingText {
  id: number;
  text: string;
  kind: FloatKind;
  /** entity it rises over (0: none) */
  anchor: number;
  /** where it started, metres (fallback when the anchor left view) */
  pos: Vec2;
  born: number;
  /** sideways offset in px, so several numbers at once do not overlap */
  dx: number;
  /** dimmer and smaller: a fight between others */
  faint: boolean;
}

export interface LiveText extends FloatingText {
  /** 0 → 1 over the lifetime */
  age: number;
  /** pixels above the anchor */
  rise: number;
  alpha: number;
  /** font size multiplier (crits pop) */
  scale: number;
}

export const FLOAT_LIFETIME_MS = 1400;
/** crits and XP linger a bit longer */
const LONG_LIFETIME_MS = 2000;
const RISE_PX = 46;
/** more than this at once: the oldest go first (an AoE pull must not flood the screen) */
export const MAX_FLOATING = 40;
const SPREAD = [0, -22, 22, -40, 40];

export const lifetimeOf = (kind: FloatKind) =>
  kind === 'crit' || kind === 'xp' ? LONG_LIFETIME_MS : FLOAT_LIFETIME_MS;

export class FloatingTexts {
  private items: FloatingText[] = [];
  private nextId = 1;

  add(
    t: { text: string; kind: FloatKind; anchor: number; pos: Vec2; faint?: boolean },
    now: number,
  ) {
    // texts on the same anchor within a moment fan out sideways
    const recent = this.items.filter((i) => i.anchor === t.anchor && now - i.born < 300).length;
    this.items.push({
      id: this.nextId++,
      text: t.text,
      kind: t.kind,
      anchor: t.anchor,
      pos: t.pos,
      born: now,
      dx: SPREAD[recent % SPREAD.length]!,
      faint: t.faint ?? false,
    });
    if (this.items.length > MAX_FLOATING) this.items.splice(0, this.items.length - MAX_FLOATING);
  }

  /** Texts still on screen at `now` (expired ones are dropped for good). */
  live(now: number): LiveText[] {
    this.items = this.items.filter((i) => now - i.born < lifetimeOf(i.kind));
    return this.items.map((i) => {
      const age = Math.max(0, (now - i.born) / lifetimeOf(i.kind));
      // ease out: fast at first, then hanging in the air while it fades
      const rise = RISE_PX * (1 - (1 - age) * (1 - age));
      const alpha = age < 0.6 ? 1 : Math.max(0, 1 - (age - 0.6) / 0.4);
      const pop = i.kind === 'crit' ? 1.6 - Math.min(0.25, age * 2) : 1;
      return { ...i, age, rise, alpha: i.faint ? alpha * 0.6 : alpha, scale: pop };
    });
  }

  /** Remember where an anchor was, so its texts stay put when it leaves view. */
  moveAnchor(eid: number, pos: Vec2) {
    for (const i of this.items) if (i.anchor === eid) i.pos = pos;
  }

  /** A new world (reconnect, metro ride): eids are reused, old texts would float over strangers. */
  clear() {
    this.items = [];
  }

  get size() {
    return this.items.length;
  }
}
