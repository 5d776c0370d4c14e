/**
 * A boss's telegraphed attacks: a red area on the ground whose fill grows until
 * the impact (a circle from its centre out, a line from the boss along its
 * length), its front bright and its edge beating faster as the impact nears. With
 * reduced motion nothing grows or beats: the whole area is tinted at once and the
 * seconds left are written in it.
 */
import type { LiveTelegraph } from '../combat/telegraphs';
import { intersects, type Camera } from './camera';
import { FONT_DISPLAY } from './palette';

const EDGE = 'rgba(255, 59, 92, 0.85)';
const AREA = 'rgba(255, 59, 92, 0.12)';
const FILL = 'rgba(255, 59, 92, 0.32)';
const FRONT = 'rgba(255, 214, 222, 0.9)';

/** Whether the player asked for less motion (read once per frame, cheap). */
export const prefersReducedMotion = () =>
  typeof window !== 'undefined' &&
  (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false);

export function drawTelegraphs(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  telegraphs: readonly LiveTelegraph[],
  now: number,
  reduced: boolean,
) {
  const v = cam.view(2);
  for (const t of telegraphs) {
    const a = t.area;
    const reach = a.shape === 'circle' ? a.r : a.len + a.r;
    if (!intersects(v, a.x - reach, a.y - reach, reach * 2, reach * 2)) continue;
    const x = cam.sx(a.x);
    const y = cam.sy(a.y);
    const r = a.r * cam.ppm;
    const grow = reduced ? 1 : t.progress;
    // the edge beats faster as the impact nears (steady with reduced motion)
    const beat = reduced ? 1 : 0.6 + 0.4 * Math.abs(Math.sin(now / (220 - 140 * grow)));
    ctx.save();
    ctx.lineWidth = 2 + grow * 2;
    ctx.strokeStyle = EDGE;
    ctx.globalAlpha = beat;
    if (a.shape === 'circle') {
      ctx.beginPath();
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.fillStyle = AREA;
      ctx.fill();
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.beginPath();
      ctx.arc(x, y, r * grow, 0, Math.PI * 2);
      ctx.fillStyle = FILL;
      ctx.fill();
      // the filling front, bright: where the danger has reached
      ctx.strokeStyle = FRONT;
      ctx.lineWidth = 2;
      ctx.stroke();
    } else {
      const len = a.len * cam.ppm;
      ctx.translate(x, y);
      ctx.rotate(a.dir);
      ctx.fillStyle = AREA;
      ctx.fillRect(0, -r, len, r * 2);
      ctx.strokeRect(0, -r, len, r * 2);
      ctx.globalAlpha = 1;
      ctx.fillStyle = FILL;
      ctx.fillRect(0, -r, len * grow, r * 2);
      ctx.fillStyle = FRONT;
      ctx.fillRect(len * grow - 2, -r, 3, r * 2);
    }
    ctx.restore();
    if (reduced && now < t.impactAt) {
      // the countdown instead of the growing fill
      const cx = a.shape === 'circle' ? x : x + (Math.cos(a.dir) * a.len * cam.ppm) / 2;
      const cy = a.shape === 'circle' ? y : y + (Math.sin(a.dir) * a.len * cam.ppm) / 2;
      ctx.save();
      ctx.font = `800 ${Math.round(Math.max(12, cam.ppm))}px ${FONT_DISPLAY}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillStyle = EDGE;
      ctx.fillText(((t.impactAt - now) / 1000).toFixed(1), cx, cy);
      ctx.restore();
    }
  }
}
