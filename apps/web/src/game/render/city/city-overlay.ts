/**
 * What moves in the city, drawn each frame over its cached tiles: the blinking red
 * lights on tall roofs and the rain. Both are images drawn, not paths built: a glow
 * sprite per light, one pattern fill for the rain.
 */
import type { Obstacle } from '@necp/shared';
import { intersects, type Camera } from '../camera';
import type { DistrictStyle } from './district-style';
import { antennaAt, buildingLook } from './paint-buildings';
import { context2d, makeCanvas, type Canvas2D } from './surfaces';
import { hash3 } from './hash';

const glows = new Map<string, Canvas2D>();
/** a soft round glow of `color`, 32 px across, made once */
function glow(color: string): Canvas2D {
  let c = glows.get(color);
  if (c) return c;
  c = makeCanvas(32, 32);
  const ctx = context2d(c);
  const g = ctx.createRadialGradient(16, 16, 0, 16, 16, 16);
  g.addColorStop(0, color);
  g.addColorStop(0.25, color);
  g.addColorStop(1, 'rgba(0, 0, 0, 0)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 32, 32);
  glows.set(color, c);
  return c;
}

export function drawAntennaLights(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  obstacles: readonly Obstacle[],
  style: DistrictStyle,
  now: number,
) {
  const v = cam.view(4);
  const sprite = glow('rgba(255, 59, 92, 0.9)');
  for (const o of obstacles) {
    if (!intersects(v, o.x, o.y, o.w, o.h)) continue;
    const look = buildingLook(o, style);
    const at = antennaAt(cam, o, look);
    if (!at) continue;
    const on = Math.floor(now / 700 + look.seed * 10) % 3 !== 0;
    ctx.globalAlpha = on ? 1 : 0.2;
    ctx.drawImage(sprite, at.x - 10, at.y - 10, 20, 20);
  }
  ctx.globalAlpha = 1;
}

const RAIN_PX = 256;
let rainTile: Canvas2D | null = null;
/** slanted streaks on transparency, tiling seamlessly */
function rainStreaks(): Canvas2D {
  if (rainTile) return rainTile;
  const c = makeCanvas(RAIN_PX, RAIN_PX);
  const ctx = context2d(c);
  ctx.lineCap = 'round';
  for (let i = 0; i < 140; i++) {
    const x = hash3(i, 1, 91) * RAIN_PX;
    const y = hash3(i, 2, 91) * RAIN_PX;
    const len = 8 + hash3(i, 3, 91) * 14;
    ctx.strokeStyle = `rgba(170, 200, 255, ${0.18 + hash3(i, 4, 91) * 0.25})`;
    ctx.lineWidth = hash3(i, 5, 91) > 0.8 ? 1.5 : 1;
    // drawn three times across the edges so the tile wraps without a seam
    for (const dx of [-RAIN_PX, 0, RAIN_PX])
      for (const dy of [-RAIN_PX, 0, RAIN_PX]) {
        ctx.beginPath();
        ctx.moveTo(x + dx, y + dy);
        ctx.lineTo(x + dx - len * 0.25, y + dy + len);
        ctx.stroke();
      }
  }
  rainTile = c;
  return c;
}

/** Rain falling over the whole view; `density` 0..1 (the district's, off when 0). */
export function drawRain(ctx: CanvasRenderingContext2D, cam: Camera, density: number, now: number) {
  if (density <= 0) return;
  const pattern = ctx.createPattern(rainStreaks(), 'repeat');
  if (!pattern) return;
  // falls 900 px/s and drifts with the world as the camera moves
  const fall = (now * 0.9) % RAIN_PX;
  const drift = (now * 0.22) % RAIN_PX;
  const ox = (-cam.center.x * cam.ppm) % RAIN_PX;
  const oy = (-cam.center.y * cam.ppm) % RAIN_PX;
  pattern.setTransform(new DOMMatrix([1, 0, 0, 1, ox - drift, oy + fall]));
  ctx.save();
  ctx.globalAlpha = Math.min(1, 0.25 + density * 0.4);
  ctx.fillStyle = pattern;
  ctx.fillRect(0, 0, cam.width, cam.height);
  ctx.restore();
}
