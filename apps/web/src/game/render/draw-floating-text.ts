/** Floating combat text over heads: rising, fading, crits bigger (see combat/floating-text). */
import type { Vec2 } from '@necp/shared';
import type { FloatKind, LiveText } from '../combat/floating-text';
import type { Camera } from './camera';
import { C, FONT_DISPLAY } from './palette';
import { Stamps, type Stamp } from './stamps';

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

/** one stamp per text, kind and size (stamps.ts): a fight shows the same few numbers over and over */
const textStamps = new Stamps(200);
/** px of outline round the glyphs */
const OUTLINE = 2;
/** px of glow round a crit or an XP gain */
const GLOW = 12;

function textStamp(ctx: CanvasRenderingContext2D, t: LiveText, size: number): Stamp {
  return textStamps.get(ctx, `${t.kind}|${size}|${t.text}`, (m) => {
    const s = STYLE[t.kind];
    const font = `${t.kind === 'crit' ? 900 : 700} ${size}px ${FONT_DISPLAY}`;
    const glows = t.kind === 'crit' || t.kind === 'xp';
    const pad = OUTLINE + (glows ? GLOW : 1);
    m.font = font;
    const w = Math.ceil(m.measureText(t.text).width) + pad * 2;
    const h = Math.ceil(size * 1.3) + pad * 2;
    return {
      w,
      h,
      paint: (c, scale) => {
        c.font = font;
        c.textAlign = 'center';
        c.textBaseline = 'middle';
        c.lineJoin = 'round';
        c.lineWidth = OUTLINE * 2;
        c.strokeStyle = 'rgba(5, 6, 11, 0.9)';
        c.strokeText(t.text, w / 2, h / 2);
        c.fillStyle = s.color;
        if (glows) {
          c.shadowColor = s.color;
          // a shadow's blur is in device pixels: the same glow at any pixel ratio
          c.shadowBlur = GLOW * scale;
        }
        c.fillText(t.text, w / 2, h / 2);
      },
    };
  });
}

export function drawFloatingTexts(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  texts: LiveText[],
  /** where an anchor is drawn this frame, or null when it is not in view */
  anchorAt: (eid: number) => Vec2 | null,
) {
  const alpha = ctx.globalAlpha;
  for (const t of texts) {
    const p = (t.anchor && anchorAt(t.anchor)) || t.pos;
    const size = Math.round(STYLE[t.kind].size * t.scale * (t.faint ? 0.8 : 1));
    const x = cam.sx(p.x) + t.dx;
    // effect names start lower than numbers, so "Bleeding" and "34!" do not collide
    const y = cam.sy(p.y) - (t.kind === 'effect' ? BASE_LIFT - 22 : BASE_LIFT) - t.rise;
    const stamp = textStamp(ctx, t, size);
    ctx.globalAlpha = alpha * t.alpha;
    // whole pixels: a copy between pixels is blurred, and costs more
    ctx.drawImage(
      stamp.image,
      Math.round(x - stamp.w / 2),
      Math.round(y - stamp.h / 2),
      stamp.w,
      stamp.h,
    );
  }
  ctx.globalAlpha = alpha;
}
