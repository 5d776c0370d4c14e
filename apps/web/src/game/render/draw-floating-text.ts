/** Floating combat text over heads: rising, fading, crits bigger (see combat/floating-text). */
import type { Vec2 } from '@necp/shared';
import type { FloatKind, LiveText } from '../combat/floating-text';
import type { Camera } from './camera';
import { C, FONT_DISPLAY } from './palette';

const STYLE: Record<FloatKind, { color: string; size: number }> = {
  damage: { color: '#ffffff', size: 18 },
  damage_taken: { color: C.red, size: 18 },
  crit: { color: C.yellow, size: 20 },
  miss: { color: C.muted, size: 15 },
  heal: { color: C.green, size: 17 },
  dot: { color: C.orange, size: 14 },
  effect: { color: C.violet, size: 13 },
  xp: { color: '#c58bff', size: 18 },
};

/** Pixels above the anchor's feet where texts start (over the name plate). */
const BASE_LIFT = 46;

export function drawFloatingTexts(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  texts: LiveText[],
  /** where an anchor is drawn this frame, or null when it is not in view */
  anchorAt: (eid: number) => Vec2 | null,
) {
  ctx.save();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const t of texts) {
    const p = (t.anchor && anchorAt(t.anchor)) || t.pos;
    const s = STYLE[t.kind];
    const size = Math.round(s.size * t.scale * (t.faint ? 0.8 : 1));
    const x = cam.sx(p.x) + t.dx;
    // effect names start lower than numbers, so "Bleeding" and "34!" do not collide
    const y = cam.sy(p.y) - (t.kind === 'effect' ? BASE_LIFT - 22 : BASE_LIFT) - t.rise;
    ctx.globalAlpha = t.alpha;
    ctx.font = `${t.kind === 'crit' ? 900 : 700} ${size}px ${FONT_DISPLAY}`;
    ctx.lineWidth = 4;
    ctx.strokeStyle = 'rgba(5, 6, 11, 0.9)';
    ctx.strokeText(t.text, x, y);
    ctx.fillStyle = s.color;
    if (t.kind === 'crit' || t.kind === 'xp') {
      ctx.shadowColor = s.color;
      ctx.shadowBlur = 12;
    }
    ctx.fillText(t.text, x, y);
    ctx.shadowBlur = 0;
  }
  ctx.restore();
}
