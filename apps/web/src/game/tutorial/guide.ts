/**
 * Where the welcome quest's guide arrow points this frame (pure): a fixed spot,
 * the nearest living NPC of the step's templates in view (else the spot they live
 * at), or the nearest drop of the step's item. Null in another zone, or with
 * nothing to point at.
 */
import type { GuideTarget, Vec2 } from '@necp/shared';

export interface GuideMark {
  x: number;
  y: number;
  label: string;
}

export interface GuideWorld {
  zoneId: string;
  self: Vec2;
  npcs: readonly { x: number; y: number; templateId?: string; dead?: boolean }[];
  drops: readonly { x: number; y: number; templateId: string }[];
}

const nearest = <T extends Vec2>(self: Vec2, list: readonly T[]): T | undefined => {
  let best: T | undefined;
  let bestD = Infinity;
  for (const p of list) {
    const d = Math.hypot(p.x - self.x, p.y - self.y);
    if (d < bestD) [best, bestD] = [p, d];
  }
  return best;
};

export function guideMark(target: GuideTarget | null, w: GuideWorld): GuideMark | null {
  if (!target || target.zoneId !== w.zoneId) return null;
  switch (target.kind) {
    case 'point':
      return { x: target.x, y: target.y, label: target.label };
    case 'npc': {
      const live = w.npcs.filter(
        (n) => !n.dead && n.templateId !== undefined && target.templateIds.includes(n.templateId),
      );
      const n = nearest(w.self, live) ?? target.near;
      return { x: n.x, y: n.y, label: target.label };
    }
    case 'drop': {
      const d = nearest(
        w.self,
        w.drops.filter((x) => x.templateId === target.templateId),
      );
      return d ? { x: d.x, y: d.y, label: target.label } : null;
    }
  }
}

/** The mark for one frame of the game client: the NPCs drawn this frame, with their templates. */
export function frameGuide(
  target: GuideTarget | null,
  zoneId: string,
  self: Vec2,
  drawn: readonly { eid: number; x: number; y: number; dead?: boolean }[],
  templateOf: (eid: number) => string | undefined,
  drops: GuideWorld['drops'],
): GuideMark | null {
  if (!target) return null;
  const npcs =
    target.kind === 'npc'
      ? drawn.map((o) => ({ x: o.x, y: o.y, dead: o.dead, templateId: templateOf(o.eid) }))
      : [];
  return guideMark(target, { zoneId, self, npcs, drops });
}
