/**
 * The welcome quest's guide on the map: on screen, a pulsing ring on the spot with
 * a chevron bobbing above it and its name; off screen, an arrow at the edge of the
 * view pointing at it with the name and distance; on the minimap, a diamond.
 * Magenta, apart from the yellow of the own character and the green of the party.
 */
import type { Vec2 } from '@necp/shared';
import type { GuideMark } from '../tutorial/guide';
import type { Camera } from './camera';
import { edgeArrow } from './draw-party';
import { C, FONT_DISPLAY } from './palette';

export function drawGuide(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  self: Vec2,
  mark: GuideMark,
  now: number,
  still: boolean,
) {
  const metres = Math.round(Math.hypot(mark.x - self.x, mark.y - self.y));
  const label = metres > 3 ? `${mark.label} · ${metres} m` : mark.label;
  ctx.save();
  ctx.font = `700 12px ${FONT_DISPLAY}`;
  ctx.textAlign = 'center';
  ctx.fillStyle = C.magenta;
  ctx.strokeStyle = C.magenta;
  ctx.shadowColor = C.magenta;
  ctx.shadowBlur = 12;
  const edge = edgeArrow(cam, mark);
  if (edge) {
    ctx.save();
    ctx.translate(edge.x, edge.y);
    ctx.rotate(edge.angle);
    ctx.beginPath();
    ctx.moveTo(16, 0);
    ctx.lineTo(-8, -11);
    ctx.lineTo(-3, 0);
    ctx.lineTo(-8, 11);
    ctx.closePath();
    ctx.fill();
    ctx.restore();
    // the label sits on the screen side of the arrow
    plate(ctx, label, edge.x, edge.y + (Math.sin(edge.angle) > 0 ? -20 : 28));
    ctx.restore();
    return;
  }
  const x = cam.sx(mark.x);
  const y = cam.sy(mark.y);
  const t = still ? 0 : (now % 1400) / 1400;
  const r = cam.ppm * (1.2 + 0.6 * Math.sin(t * Math.PI * 2));
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.arc(x, y, Math.max(8, r), 0, Math.PI * 2);
  ctx.stroke();
  const bob = still ? 0 : Math.sin(t * Math.PI * 2) * 4;
  const top = y - Math.max(22, cam.ppm * 2.6) + bob;
  ctx.beginPath();
  ctx.moveTo(x, top + 12);
  ctx.lineTo(x - 9, top);
  ctx.lineTo(x + 9, top);
  ctx.closePath();
  ctx.fill();
  plate(ctx, label, x, top - 8);
  ctx.restore();
}

function plate(ctx: CanvasRenderingContext2D, text: string, x: number, y: number) {
  ctx.shadowBlur = 0;
  ctx.font = `700 12px ${FONT_DISPLAY}`;
  ctx.textAlign = 'center';
  const w = ctx.measureText(text).width + 10;
  ctx.fillStyle = 'rgba(4, 6, 12, 0.8)';
  ctx.fillRect(x - w / 2, y - 12, w, 16);
  ctx.fillStyle = C.magenta;
  ctx.fillText(text, x, y);
}

/** The guide on the minimap (`k`: pixels per metre; `ox`, `oy`: its corner). */
export function drawMinimapGuide(
  ctx: CanvasRenderingContext2D,
  ox: number,
  oy: number,
  k: number,
  mark: GuideMark,
) {
  const x = ox + mark.x * k;
  const y = oy + mark.y * k;
  ctx.save();
  ctx.fillStyle = C.magenta;
  ctx.strokeStyle = 'rgba(4, 6, 12, 0.9)';
  ctx.lineWidth = 1.5;
  ctx.shadowColor = C.magenta;
  ctx.shadowBlur = 6;
  ctx.beginPath();
  ctx.moveTo(x, y - 5);
  ctx.lineTo(x + 5, y);
  ctx.lineTo(x, y + 5);
  ctx.lineTo(x - 5, y);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}
