/**
 * Buildings: the zone's obstacles (they block movement and line of sight), drawn
 * as blocks seen slightly from the south — a roof lifted over a lit front wall —
 * so a player reads at once where they cannot walk or shoot through. The footprint
 * (what actually blocks) is the roof's shadow on the ground plus the wall.
 */
import type { Obstacle } from '@necp/shared';
import { intersects, type Camera } from './camera';
import { C, FONT_DISPLAY, NEON } from './palette';

function hash(a: number, b: number, c: number): number {
  let h = (a * 374761393 + b * 668265263 + c * 2147483647) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

interface Look {
  color: string;
  /** 0..1 */
  height: number;
  seed: number;
}

const looks = new WeakMap<Obstacle, Look>();
function lookOf(o: Obstacle): Look {
  let l = looks.get(o);
  if (!l) {
    const seed = hash(Math.round(o.x * 10), Math.round(o.y * 10), 7);
    l = { color: NEON[Math.floor(seed * 4) % 4]!, height: hash(o.x | 0, o.y | 0, 3), seed };
    looks.set(o, l);
  }
  return l;
}

export function drawBuildings(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  obstacles: readonly Obstacle[],
  now: number,
) {
  const v = cam.view(6);
  // north to south: a southern building's roof overlaps the one behind it
  const visible = obstacles
    .filter((o) => intersects(v, o.x, o.y, o.w, o.h))
    .sort((a, b) => a.y + a.h - (b.y + b.h));
  for (const o of visible) drawBuilding(ctx, cam, o, lookOf(o), now);
}

function drawBuilding(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  o: Obstacle,
  look: Look,
  now: number,
) {
  const x = cam.sx(o.x);
  const y = cam.sy(o.y);
  const w = o.w * cam.ppm;
  const h = o.h * cam.ppm;
  // how far the roof is lifted (px): taller buildings show more wall
  const lift = Math.min(h * 0.45, cam.ppm * (1.2 + look.height * 1.8));
  ctx.save();

  // footprint and a soft shadow to the south-east
  ctx.fillStyle = 'rgba(0, 0, 0, 0.45)';
  ctx.fillRect(x + cam.ppm * 0.6, y + cam.ppm * 0.6, w, h);
  ctx.fillStyle = '#070912';
  ctx.fillRect(x, y, w, h);

  // front wall: the bottom `lift` pixels of the footprint, with lit windows
  const wallTop = y + h - lift;
  const wall = ctx.createLinearGradient(0, wallTop, 0, y + h);
  wall.addColorStop(0, '#1c2346');
  wall.addColorStop(1, '#0c1024');
  ctx.fillStyle = wall;
  ctx.fillRect(x, wallTop, w, lift);
  const win = Math.max(3, cam.ppm * 0.35);
  const gap = win * 1.9;
  const rows = Math.max(1, Math.floor((lift - 4) / gap));
  for (let r = 0; r < rows; r++) {
    for (let cx = x + gap * 0.6, i = 0; cx + win < x + w - 2; cx += gap, i++) {
      const lit = hash(Math.round(o.x) + i, Math.round(o.y) + r, 11);
      if (lit < 0.45) continue;
      // a few windows flicker
      const flick = lit > 0.97 && Math.floor(now / 400 + i) % 2 === 0;
      ctx.fillStyle = flick ? 'rgba(0,0,0,0)' : lit > 0.8 ? look.color : 'rgba(252, 238, 10, 0.55)';
      ctx.globalAlpha = lit > 0.8 ? 0.75 : 0.55;
      ctx.fillRect(cx, wallTop + 3 + r * gap, win, win * 0.7);
    }
  }
  ctx.globalAlpha = 1;

  // the roof, lifted: covers the top of the footprint and a strip above it
  const ry = y - lift * 0.35;
  const rh = h - lift * 0.65;
  const roof = ctx.createLinearGradient(x, ry, x + w, ry + rh);
  roof.addColorStop(0, '#2a3366');
  roof.addColorStop(1, '#181e40');
  ctx.fillStyle = roof;
  ctx.fillRect(x, ry, w, rh);
  // neon edge
  ctx.shadowColor = look.color;
  ctx.shadowBlur = 10;
  ctx.strokeStyle = look.color;
  ctx.globalAlpha = 0.95;
  ctx.lineWidth = 2;
  ctx.strokeRect(x + 1, ry + 1, w - 2, rh - 2);
  ctx.shadowBlur = 0;
  // the wall's outline: the whole footprint blocks
  ctx.globalAlpha = 0.45;
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, wallTop + 0.5, w - 1, lift - 1);
  ctx.globalAlpha = 0.25;
  const inset = Math.min(w, rh) * 0.14;
  ctx.strokeRect(x + inset, ry + inset, w - inset * 2, rh - inset * 2);
  ctx.globalAlpha = 1;

  // rooftop boxes (AC units, stairwells)
  const boxes = 1 + Math.floor(look.seed * 3);
  ctx.fillStyle = '#3a4580';
  for (let i = 0; i < boxes; i++) {
    const a = hash(Math.round(o.x * 10), Math.round(o.y * 10), 20 + i);
    const b = hash(Math.round(o.x * 10), Math.round(o.y * 10), 30 + i);
    const bw = Math.min(w * 0.3, cam.ppm * (1.2 + a * 2));
    const bh = Math.min(rh * 0.3, cam.ppm * (1.2 + b * 2));
    ctx.fillRect(
      x + 4 + a * Math.max(0, w - bw - 8),
      ry + 4 + b * Math.max(0, rh - bh - 8),
      bw,
      bh,
    );
  }
  // antenna light on tall ones
  if (look.height > 0.55) {
    const on = Math.floor(now / 700 + look.seed * 10) % 3 !== 0;
    ctx.globalAlpha = on ? 1 : 0.25;
    ctx.fillStyle = C.red;
    ctx.shadowColor = C.red;
    ctx.shadowBlur = on ? 10 : 0;
    ctx.fillRect(x + w / 2 - 2, ry + rh / 2 - 2, 4, 4);
    ctx.shadowBlur = 0;
    ctx.globalAlpha = 1;
  }

  // a neon sign on the wall for named buildings
  if (o.name && w > 60) {
    ctx.font = `700 ${Math.max(11, Math.min(16, cam.ppm * 0.9))}px ${FONT_DISPLAY}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = look.color;
    ctx.shadowColor = look.color;
    ctx.shadowBlur = 8;
    ctx.fillText(
      o.name.toUpperCase(),
      x + w / 2,
      ry + rh / 2 + (look.height > 0.55 ? 12 : 0),
      w - 8,
    );
    ctx.shadowBlur = 0;
  }
  ctx.restore();
}
