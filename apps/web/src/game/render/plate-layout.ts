/**
 * Where name plates go so that none overlaps another (pure: rectangles in,
 * placed and hidden out). Greedy by importance: the own plate first, then the
 * target, other players, hostile NPCs near you, contacts, loot, everyone else. Each
 * plate wants to sit at its anchor; when something is already there it moves up
 * just above it (loot labels: down, just below it), as far as `maxLift`; a plate
 * that still does not fit is hidden
 * (the least important lose). Screen pixels, y grows downwards.
 */

/** Lower draws first and wins the space. */
export const PLATE_PRIORITY = {
  self: 0,
  target: 1,
  player: 2,
  hostileNear: 3,
  contact: 4,
  /** labels of drops and crates on the street */
  loot: 5,
  other: 6,
} as const;

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PlateRequest<K = number | string> {
  key: K;
  /** centre x and top y where the plate would like to be */
  cx: number;
  y: number;
  w: number;
  h: number;
  priority: number;
  /** tie-break inside a priority: smaller first (e.g. distance to you) */
  order?: number;
  /**
   * which way it gives room: 'up' (name plates, above a figure) or 'down' (loot
   * labels, hanging under the item: a pile's labels stack downwards)
   */
  shift?: 'up' | 'down';
}

export interface PlacedPlate<K = number | string> extends Rect {
  key: K;
  /** how far it was moved from where it wanted to be (px, up or down) */
  lift: number;
}

export interface PlateLayoutResult<K> {
  /** in placement order (most important first) */
  placed: PlacedPlate<K>[];
  hidden: K[];
}

export interface PlateLayoutOptions {
  /** space kept between two plates */
  gap?: number;
  /** the farthest a plate may move from its anchor before it is hidden */
  maxLift?: number;
  /** areas no plate may cover (e.g. bodies of figures) */
  blockers?: readonly Rect[];
}

const overlap = (a: Rect, b: Rect) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

export function layoutPlates<K>(
  requests: readonly PlateRequest<K>[],
  { gap = 2, maxLift = 60, blockers = [] }: PlateLayoutOptions = {},
): PlateLayoutResult<K> {
  const sorted = [...requests].sort(
    (a, b) => a.priority - b.priority || (a.order ?? 0) - (b.order ?? 0),
  );
  const placed: PlacedPlate<K>[] = [];
  const hidden: K[] = [];
  const taken: Rect[] = [...blockers];
  for (const r of sorted) {
    const x0 = r.cx - r.w / 2;
    const x1 = r.cx + r.w / 2;
    const down = r.shift === 'down';
    let y = r.y;
    let fits = false;
    // each step moves strictly one way (past what was hit), so this ends
    for (let step = 0; step <= taken.length; step++) {
      const box = { x0, x1, y0: y, y1: y + r.h };
      let hit: Rect | null = null;
      for (const t of taken)
        if (overlap(box, t) && (!hit || (down ? t.y1 > hit.y1 : t.y0 < hit.y0))) hit = t;
      if (!hit) {
        fits = true;
        break;
      }
      y = down ? hit.y1 + gap : hit.y0 - gap - r.h;
      if (Math.abs(r.y - y) > maxLift) break;
    }
    if (!fits) {
      hidden.push(r.key);
      continue;
    }
    const p = { key: r.key, x0, x1, y0: y, y1: y + r.h, lift: Math.abs(r.y - y) };
    placed.push(p);
    taken.push(p);
  }
  return { placed, hidden };
}
