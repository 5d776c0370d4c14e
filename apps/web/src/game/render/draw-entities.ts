/** Characters on the street: others as neon markers, the own one distinct. */
import type { Camera } from './camera';
import { C, FONT_MONO } from './palette';

export interface DrawnEntity {
  x: number;
  y: number;
  name: string;
  level: number;
  health: number;
  maxHealth: number;
  kind: 'player' | 'npc';
}

const BAR_W = 34;

function nameTag(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  e: DrawnEntity,
  color: string,
) {
  ctx.font = `600 12px ${FONT_MONO}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  const text = `${e.name}  ${e.level}`;
  const w = ctx.measureText(text).width + 10;
  ctx.fillStyle = 'rgba(5, 6, 11, 0.75)';
  ctx.fillRect(x - w / 2, y - 17, w, 16);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y - 3);
  // health bar under the tag
  const frac = e.maxHealth > 0 ? Math.max(0, Math.min(1, e.health / e.maxHealth)) : 0;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.12)';
  ctx.fillRect(x - BAR_W / 2, y + 1, BAR_W, 4);
  ctx.fillStyle = frac > 0.5 ? C.green : frac > 0.25 ? C.yellow : C.red;
  ctx.fillRect(x - BAR_W / 2, y + 1, BAR_W * frac, 4);
}

export function drawOther(ctx: CanvasRenderingContext2D, cam: Camera, e: DrawnEntity) {
  const x = cam.sx(e.x);
  const y = cam.sy(e.y);
  const r = Math.max(6, cam.ppm * 0.55);
  const color = e.kind === 'npc' ? C.orange : C.cyan;
  ctx.save();
  ctx.shadowColor = color;
  ctx.shadowBlur = 14;
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.shadowBlur = 0;
  ctx.fillStyle = 'rgba(5, 6, 11, 0.9)';
  ctx.beginPath();
  ctx.arc(x, y, r * 0.45, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
  nameTag(ctx, x, y - r - 10, e, color);
}

export function drawSelf(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  e: DrawnEntity,
  heading: { x: number; y: number },
  now: number,
) {
  const x = cam.sx(e.x);
  const y = cam.sy(e.y);
  const r = Math.max(7, cam.ppm * 0.65);
  const pulse = (Math.sin(now / 300) + 1) / 2;
  ctx.save();
  // pulsing selection ring
  ctx.strokeStyle = C.magenta;
  ctx.globalAlpha = 0.35 + pulse * 0.4;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(x, y, r * 1.9 + pulse * 2, 0, Math.PI * 2);
  ctx.stroke();
  ctx.globalAlpha = 1;
  // heading chevron
  const a = Math.atan2(heading.y, heading.x);
  ctx.fillStyle = C.magenta;
  ctx.beginPath();
  ctx.moveTo(x + Math.cos(a) * r * 2.6, y + Math.sin(a) * r * 2.6);
  ctx.lineTo(x + Math.cos(a + 0.45) * r * 1.6, y + Math.sin(a + 0.45) * r * 1.6);
  ctx.lineTo(x + Math.cos(a - 0.45) * r * 1.6, y + Math.sin(a - 0.45) * r * 1.6);
  ctx.closePath();
  ctx.fill();
  // body: a yellow diamond
  ctx.shadowColor = C.yellow;
  ctx.shadowBlur = 18;
  ctx.fillStyle = C.yellow;
  ctx.beginPath();
  ctx.moveTo(x, y - r * 1.2);
  ctx.lineTo(x + r * 1.2, y);
  ctx.lineTo(x, y + r * 1.2);
  ctx.lineTo(x - r * 1.2, y);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
  nameTag(ctx, x, y - r * 2 - 12, e, C.yellow);
}
