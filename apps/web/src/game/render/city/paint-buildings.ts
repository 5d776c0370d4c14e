/**
 * Buildings: the zone's obstacles (they block movement and line of sight), drawn as
 * blocks seen slightly from the south — a roof lifted over a lit front wall — so a
 * player reads at once where they cannot walk or shoot through. The footprint (what
 * actually blocks) is the roof's shadow on the ground plus the wall. Facades carry lit
 * windows and a shopfront, roofs gravel, plant and now and then a holo-ad, named
 * buildings a neon sign, each in the district's colours. Painted into the cached tiles;
 * only the antenna lights blink per frame (city-overlay.ts).
 */
import type { Obstacle } from '@necp/shared';
import { intersects, type Camera } from '../camera';
import { FONT_DISPLAY } from '../palette';
import type { DistrictStyle } from './district-style';
import { hash3 as hash } from './hash';
import { paintHoloAd, paintVendingMachine } from './paint-props';
import { fillGrain, type Ctx2D } from './surfaces';

export interface BuildingLook {
  color: string;
  /** 0..1 */
  height: number;
  seed: number;
}

export function buildingLook(o: Obstacle, style: DistrictStyle): BuildingLook {
  const seed = hash(Math.round(o.x * 10), Math.round(o.y * 10), 7);
  return {
    color: style.neon[Math.floor(seed * style.neon.length) % style.neon.length]!,
    height: hash(o.x | 0, o.y | 0, 3),
    seed,
  };
}

/** How far the roof is lifted (px): taller buildings show more wall. */
export const roofLift = (cam: Camera, o: Obstacle, look: BuildingLook) =>
  Math.min(o.h * cam.ppm * 0.45, cam.ppm * (1.2 + look.height * 1.8));

/** Where a tall building's antenna light sits (screen px), or null for a low one. */
export function antennaAt(cam: Camera, o: Obstacle, look: BuildingLook) {
  if (look.height <= 0.55) return null;
  const lift = roofLift(cam, o, look);
  const ry = cam.sy(o.y) - lift * 0.35;
  const rh = o.h * cam.ppm - lift * 0.65;
  return { x: cam.sx(o.x) + (o.w * cam.ppm) / 2, y: ry + rh / 2 };
}

export function paintBuildings(
  ctx: Ctx2D,
  cam: Camera,
  obstacles: readonly Obstacle[],
  style: DistrictStyle,
) {
  const v = cam.view(8);
  // north to south: a southern building's roof overlaps the one behind it
  const visible = obstacles
    .filter((o) => intersects(v, o.x, o.y, o.w, o.h))
    .sort((a, b) => a.y + a.h - (b.y + b.h));
  for (const o of visible) paintBuilding(ctx, cam, o, buildingLook(o, style), style);
}

function paintBuilding(
  ctx: Ctx2D,
  cam: Camera,
  o: Obstacle,
  look: BuildingLook,
  style: DistrictStyle,
) {
  const p = cam.ppm;
  const x = cam.sx(o.x);
  const y = cam.sy(o.y);
  const w = o.w * p;
  const h = o.h * p;
  const lift = roofLift(cam, o, look);
  ctx.save();

  // footprint and a soft shadow to the south-east
  ctx.fillStyle = 'rgba(0, 0, 0, 0.45)';
  ctx.fillRect(x + p * 0.6, y + p * 0.6, w, h);
  ctx.fillStyle = '#070912';
  ctx.fillRect(x, y, w, h);

  const wallTop = y + h - lift;
  const b: Painted = { o, look, style };
  paintFacade(ctx, cam, b, { x, y: wallTop, w, h: lift });
  // vending machines against the front wall, on the pavement
  for (let i = 0; i < 2; i++) {
    const r = hash(Math.round(o.x) + i, Math.round(o.y), 61);
    if (r > 0.5 || o.w < 10) continue;
    const vx = o.x + 2 + hash(Math.round(o.x), Math.round(o.y) + i, 62) * (o.w - 4);
    paintVendingMachine(ctx, cam, vx, o.y + o.h + 0.45, style.neon[(i + 1) % style.neon.length]!);
  }

  // the roof, lifted: covers the top of the footprint and a strip above it
  const ry = y - lift * 0.35;
  const rh = h - lift * 0.65;
  const roof = ctx.createLinearGradient(x, ry, x + w, ry + rh);
  roof.addColorStop(0, style.roof[0]);
  roof.addColorStop(1, style.roof[1]);
  ctx.fillStyle = roof;
  ctx.fillRect(x, ry, w, rh);
  fillGrain(ctx, cam, x, ry, w, rh, 'gravel');
  // parapet and neon edge
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.5)';
  ctx.lineWidth = Math.max(2, p * 0.35);
  ctx.strokeRect(x + p * 0.35, ry + p * 0.35, w - p * 0.7, rh - p * 0.7);
  ctx.shadowColor = look.color;
  ctx.shadowBlur = 10;
  ctx.strokeStyle = look.color;
  ctx.globalAlpha = 0.95;
  ctx.lineWidth = 2;
  ctx.strokeRect(x + 1, ry + 1, w - 2, rh - 2);
  ctx.shadowBlur = 0;
  ctx.globalAlpha = 0.45;
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, wallTop + 0.5, w - 1, lift - 1);
  ctx.globalAlpha = 1;

  paintRoofPlant(ctx, cam, b, { x, y: ry, w, h: rh });
  const ad = hash(Math.round(o.x), Math.round(o.y), 71);
  if (!o.name && ad < 0.45 && o.w >= 16) {
    const word = style.ads[Math.floor(ad * 100) % style.ads.length]!;
    const color = style.neon[Math.floor(ad * 37) % style.neon.length]!;
    paintHoloAd(ctx, cam, o.x + o.w * 0.2, o.y + o.h * 0.12, o.w * 0.6, word, color);
  }

  // a neon sign on the roof for named buildings
  if (o.name && w > 60) {
    ctx.font = `700 ${Math.max(11, Math.min(16, p * 0.9))}px ${FONT_DISPLAY}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const sy = ry + rh / 2 + (look.height > 0.55 ? 12 : 0);
    const tw = Math.min(w - 8, ctx.measureText(o.name.toUpperCase()).width);
    ctx.fillStyle = 'rgba(4, 5, 10, 0.7)';
    ctx.fillRect(x + w / 2 - tw / 2 - 6, sy - 10, tw + 12, 20);
    ctx.fillStyle = look.color;
    ctx.shadowColor = look.color;
    ctx.shadowBlur = 10;
    ctx.fillText(o.name.toUpperCase(), x + w / 2, sy, w - 8);
    ctx.shadowBlur = 0;
  }
  ctx.restore();
}

/** A building being painted: its footprint, its look and its district's style. */
interface Painted {
  o: Obstacle;
  look: BuildingLook;
  style: DistrictStyle;
}
/** a box on screen, pixels */
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The south wall: floors of windows, some lit, and a shopfront strip at street level. */
function paintFacade(ctx: Ctx2D, cam: Camera, { o, look, style }: Painted, wallBox: Box) {
  const { x, y: wallTop, w, h: lift } = wallBox;
  const wall = ctx.createLinearGradient(0, wallTop, 0, wallTop + lift);
  wall.addColorStop(0, style.wall[0]);
  wall.addColorStop(1, style.wall[1]);
  ctx.fillStyle = wall;
  ctx.fillRect(x, wallTop, w, lift);
  const win = Math.max(3, cam.ppm * 0.35);
  const gap = win * 1.9;
  const rows = Math.max(1, Math.floor((lift - 6) / gap));
  for (let r = 0; r < rows; r++) {
    for (let cx = x + gap * 0.6, i = 0; cx + win < x + w - 2; cx += gap, i++) {
      const lit = hash(Math.round(o.x) + i, Math.round(o.y) + r, 11);
      ctx.fillStyle =
        lit < 0.4
          ? 'rgba(0, 0, 0, 0.35)'
          : lit > 0.85
            ? look.color
            : style.windows[Math.floor(lit * 97) % style.windows.length]!;
      ctx.globalAlpha = lit < 0.4 ? 1 : lit > 0.85 ? 0.75 : 0.6;
      ctx.fillRect(cx, wallTop + 3 + r * gap, win, win * 0.7);
    }
  }
  ctx.globalAlpha = 1;
  // the shopfront: a lit band along the bottom of the wall
  const band = Math.max(2, cam.ppm * 0.22);
  ctx.fillStyle = look.color;
  ctx.globalAlpha = 0.55;
  ctx.fillRect(x + 2, wallTop + lift - band - 1, w - 4, band);
  ctx.globalAlpha = 1;
}

/** Rooftop plant: AC units with fans, a water tank, vents. */
function paintRoofPlant(ctx: Ctx2D, cam: Camera, { o, look, style }: Painted, roofBox: Box) {
  const { x, y: ry, w, h: rh } = roofBox;
  const p = cam.ppm;
  const boxes = 1 + Math.floor(look.seed * 3);
  for (let i = 0; i < boxes; i++) {
    const a = hash(Math.round(o.x * 10), Math.round(o.y * 10), 20 + i);
    const b = hash(Math.round(o.x * 10), Math.round(o.y * 10), 30 + i);
    const bw = Math.min(w * 0.3, p * (1.4 + a * 2));
    const bh = Math.min(rh * 0.3, p * (1.4 + b * 2));
    const bx = x + 4 + a * Math.max(0, w - bw - 8);
    const by = ry + 4 + b * Math.max(0, rh - bh - 8);
    ctx.fillStyle = 'rgba(0, 0, 0, 0.4)';
    ctx.fillRect(bx + 3, by + 3, bw, bh);
    ctx.fillStyle = style.roofBox;
    ctx.fillRect(bx, by, bw, bh);
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.12)';
    ctx.lineWidth = 1;
    ctx.strokeRect(bx + 0.5, by + 0.5, bw - 1, bh - 1);
    // a fan
    const fr = Math.min(bw, bh) * 0.32;
    ctx.fillStyle = 'rgba(0, 0, 0, 0.45)';
    ctx.beginPath();
    ctx.arc(bx + bw / 2, by + bh / 2, fr, 0, Math.PI * 2);
    ctx.fill();
  }
  if (look.seed > 0.6 && o.w > 20) {
    // a water tank
    const tx = x + w * 0.78;
    const ty = ry + rh * 0.7;
    const tr = Math.min(w, rh) * 0.08;
    ctx.fillStyle = 'rgba(0, 0, 0, 0.4)';
    ctx.beginPath();
    ctx.arc(tx + 3, ty + 3, tr, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = style.roofBox;
    ctx.beginPath();
    ctx.arc(tx, ty, tr, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.15)';
    ctx.stroke();
  }
}
