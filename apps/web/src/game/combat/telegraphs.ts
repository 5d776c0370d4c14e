/**
 * A boss's telegraphed attacks on the ground (`telegraph` combat events): each
 * area from its announcement until it lands, with how far the wind-up is. Pure
 * bookkeeping on the client's clock; the renderer draws `live(now)`.
 */
import type { CombatEvent, TelegraphArea } from '@necp/shared';

export interface Telegraph {
  /** the boss */
  src: number;
  /** attack id */
  ab: string;
  area: TelegraphArea;
  /** client ms: announced, and when it lands (announced + the event's wind-up) */
  startedAt: number;
  impactAt: number;
}

export interface LiveTelegraph extends Telegraph {
  /** 0 at the announcement → 1 at the impact */
  progress: number;
}

/** A landed area stays a moment (the flash of the impact), then goes. */
export const TELEGRAPH_LINGER_MS = 250;
/** never more on the ground at once (a malformed stream must not grow this) */
const MAX_TELEGRAPHS = 24;

/** The area an event describes, or null when it is not a well-formed telegraph. */
export function telegraphArea(e: CombatEvent): TelegraphArea | null {
  const { x, y, r } = e;
  if (x === undefined || y === undefined || r === undefined) return null;
  if (e.shape === 'circle') return { shape: 'circle', x, y, r };
  if (e.shape === 'line' && e.len !== undefined && e.dir !== undefined)
    return { shape: 'line', x, y, r, len: e.len, dir: e.dir };
  return null;
}

export class Telegraphs {
  private items: Telegraph[] = [];

  /** Takes what concerns telegraphs from one combat event. */
  onEvent(e: CombatEvent, now: number): void {
    if (e.k === 'telegraph') {
      const area = telegraphArea(e);
      if (!area || !e.ab) return;
      this.items.push({
        src: e.src,
        ab: e.ab,
        area,
        startedAt: now,
        impactAt: now + Math.max(0, e.ms ?? 0),
      });
      if (this.items.length > MAX_TELEGRAPHS) this.items.splice(0, 1);
    } else if (e.k === 'interrupt') {
      // a boss that died or reset calls its telegraph off
      this.items = this.items.filter((t) => !(t.src === e.src && t.ab === e.ab));
    } else if (e.k === 'death') {
      this.items = this.items.filter((t) => t.src !== e.dst);
    }
  }

  clear(): void {
    this.items = [];
  }

  /** What is on the ground now (landed ones linger TELEGRAPH_LINGER_MS). */
  live(now: number): LiveTelegraph[] {
    this.items = this.items.filter((t) => now < t.impactAt + TELEGRAPH_LINGER_MS);
    return this.items.map((t) => {
      const span = t.impactAt - t.startedAt;
      const progress = span <= 0 ? 1 : Math.min(1, Math.max(0, (now - t.startedAt) / span));
      return { ...t, progress };
    });
  }
}
