/**
 * Street furniture drawn in code, seen from above: parked cars, vending machines,
 * barriers and rooftop holo-ads. Decoration only (the sim does not know them): they
 * sit in kerb lanes, against walls and on roofs, never across a way a player takes.
 */
import type { Camera } from '../camera';
import { FONT_DISPLAY } from '../palette';
import type { Ctx2D } from './surfaces';

const CAR_COLORS = ['#8a1f3a', '#1f4d8a', '#c9c9d6', '#2a2a33', '#b88a1f', '#3b7a5a', '#5a2a8a'];

/** A car 4.4 × 1.9 m centred on (x, y), along a vertical or horizontal street. */
export function paintCar(
  ctx: Ctx2D,
  cam: Camera,
  x: number,
  y: number,
  alongY: boolean,
  facesBack: boolean,
  r: number,
) {
  const p = cam.ppm;
  const L = 4.4 * p;
  const W = 1.9 * p;
  ctx.save();
  ctx.translate(cam.sx(x), cam.sy(y));
  if (alongY) ctx.rotate(Math.PI / 2);
  if (facesBack) ctx.rotate(Math.PI);
  // shadow, body, cabin, glass, lights
  ctx.fillStyle = 'rgba(0, 0, 0, 0.45)';
  roundRect(ctx, -L / 2 + 0.15 * p, -W / 2 + 0.2 * p, L, W, 0.5 * p);
  ctx.fill();
  ctx.fillStyle = CAR_COLORS[Math.floor(r * CAR_COLORS.length)]!;
  roundRect(ctx, -L / 2, -W / 2, L, W, 0.5 * p);
  ctx.fill();
  ctx.fillStyle = 'rgba(0, 0, 0, 0.35)';
  roundRect(ctx, -L * 0.18, -W * 0.4, L * 0.42, W * 0.8, 0.3 * p);
  ctx.fill();
  ctx.fillStyle = 'rgba(120, 200, 255, 0.35)';
  ctx.fillRect(L * 0.22, -W * 0.36, L * 0.07, W * 0.72);
  ctx.fillRect(-L * 0.22, -W * 0.36, L * 0.05, W * 0.72);
  ctx.fillStyle = 'rgba(255, 245, 210, 0.85)';
  ctx.fillRect(L / 2 - 0.12 * p, -W * 0.42, 0.12 * p, W * 0.2);
  ctx.fillRect(L / 2 - 0.12 * p, W * 0.22, 0.12 * p, W * 0.2);
  ctx.fillStyle = 'rgba(255, 40, 60, 0.85)';
  ctx.fillRect(-L / 2, -W * 0.42, 0.1 * p, W * 0.2);
  ctx.fillRect(-L / 2, W * 0.22, 0.1 * p, W * 0.2);
  ctx.restore();
}

/** A vending machine against a wall: a lit front and a coloured glow on the pavement. */
export function paintVendingMachine(ctx: Ctx2D, cam: Camera, x: number, y: number, color: string) {
  const p = cam.ppm;
  const sx = cam.sx(x);
  const sy = cam.sy(y);
  ctx.save();
  ctx.globalCompositeOperation = 'lighter';
  const g = ctx.createRadialGradient(sx, sy + 0.6 * p, 0, sx, sy + 0.6 * p, 2.2 * p);
  g.addColorStop(0, withAlpha(color, 0.28));
  g.addColorStop(1, 'rgba(0,0,0,0)');
  ctx.fillStyle = g;
  ctx.fillRect(sx - 2.2 * p, sy - 1.6 * p, 4.4 * p, 4.4 * p);
  ctx.restore();
  ctx.fillStyle = '#1a1d2c';
  ctx.fillRect(sx - 0.5 * p, sy - 0.35 * p, p, 0.7 * p);
  ctx.fillStyle = color;
  ctx.fillRect(sx - 0.42 * p, sy + 0.15 * p, 0.84 * p, 0.16 * p);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.5)';
  ctx.fillRect(sx - 0.3 * p, sy - 0.25 * p, 0.6 * p, 0.25 * p);
}

/** A holo-ad on a roof: a glowing panel with a word, tilted toward the street. */
export function paintHoloAd(
  ctx: Ctx2D,
  cam: Camera,
  x: number,
  y: number,
  w: number,
  word: string,
  color: string,
) {
  const p = cam.ppm;
  const sx = cam.sx(x);
  const sy = cam.sy(y);
  const pw = w * p;
  const ph = Math.max(10, pw * 0.32);
  ctx.save();
  ctx.shadowColor = color;
  ctx.shadowBlur = 14;
  ctx.fillStyle = withAlpha(color, 0.16);
  ctx.fillRect(sx, sy, pw, ph);
  ctx.strokeStyle = withAlpha(color, 0.8);
  ctx.lineWidth = 1.5;
  ctx.strokeRect(sx + 0.5, sy + 0.5, pw - 1, ph - 1);
  ctx.font = `800 ${Math.round(ph * 0.62)}px ${FONT_DISPLAY}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = color;
  ctx.fillText(word, sx + pw / 2, sy + ph / 2 + 1, pw - 6);
  ctx.shadowBlur = 0;
  // scan lines: it is a projection
  ctx.fillStyle = 'rgba(0, 0, 0, 0.25)';
  for (let ly = sy + 2; ly < sy + ph; ly += 3) ctx.fillRect(sx, ly, pw, 1);
  ctx.restore();
}

/** '#rrggbb' → 'rgba(r, g, b, a)' (other forms pass through unchanged). */
export function withAlpha(color: string, a: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return color;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${a})`;
}

export function roundRect(ctx: Ctx2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, Math.min(r, w / 2, h / 2));
}
