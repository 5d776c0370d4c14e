/**
 * The ground of a zone: void outside it, grained concrete, open lots (parking and
 * courtyards), the streets (paint-streets.ts) and the neon fence at its edge. Painted
 * into the cached tiles only.
 */
import type { ZoneInfo } from '@necp/shared';
import { intersects, type Camera, type ViewRect } from '../camera';
import type { DistrictStyle } from './district-style';
import type { Lot } from './lots';
import { paintStreets } from './paint-streets';
import { fillGrain, type Ctx2D } from './surfaces';

export function paintGround(
  ctx: Ctx2D,
  cam: Camera,
  zone: ZoneInfo,
  lots: readonly Lot[],
  style: DistrictStyle,
  /** the zone has real buildings: lots are only open ground (courtyards, parking) */
  flatLots: boolean,
) {
  ctx.fillStyle = style.void;
  ctx.fillRect(0, 0, cam.width, cam.height);
  const zx = cam.sx(0);
  const zy = cam.sy(0);
  const zw = zone.width * cam.ppm;
  const zh = zone.height * cam.ppm;
  ctx.fillStyle = style.ground;
  ctx.fillRect(zx, zy, zw, zh);
  const v = cam.view(1);
  const gx = Math.max(zx, 0);
  const gy = Math.max(zy, 0);
  fillGrain(
    ctx,
    cam,
    gx,
    gy,
    Math.min(zx + zw, cam.width) - gx,
    Math.min(zy + zh, cam.height) - gy,
  );
  if (flatLots) paintOpenLots(ctx, cam, lots, v);
  else paintRoofLots(ctx, cam, lots, style, v);
  paintStreets(ctx, cam, zone, style, v);

  // zone border: a neon fence
  ctx.save();
  ctx.strokeStyle = style.neon[1]!;
  ctx.lineWidth = 2;
  ctx.shadowColor = style.neon[1]!;
  ctx.shadowBlur = 14;
  ctx.strokeRect(zx, zy, zw, zh);
  ctx.restore();
}

/** Walkable plots between buildings: parking bays or a paved yard, a kerb outline. */
function paintOpenLots(ctx: Ctx2D, cam: Camera, lots: readonly Lot[], v: ViewRect) {
  const p = cam.ppm;
  ctx.save();
  for (const l of lots) {
    if (!intersects(v, l.x, l.y, l.w, l.h)) continue;
    const x = cam.sx(l.x);
    const y = cam.sy(l.y);
    const w = l.w * p;
    const h = l.h * p;
    ctx.fillStyle = 'rgba(20, 26, 48, 0.3)';
    ctx.fillRect(x, y, w, h);
    ctx.strokeStyle = 'rgba(127, 138, 168, 0.16)';
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
    if (l.height > 0.5 && l.w > 8) {
      // a car park: bays 2.6 m wide along the north edge
      ctx.strokeStyle = 'rgba(230, 235, 255, 0.12)';
      ctx.beginPath();
      for (let bx = l.x + 1; bx < l.x + l.w - 1; bx += 2.6) {
        ctx.moveTo(cam.sx(bx), y + 2);
        ctx.lineTo(cam.sx(bx), y + Math.min(h - 2, 5 * p));
      }
      ctx.stroke();
    }
  }
  ctx.restore();
}

/** Generated lots in zones without real buildings: flat roofs with an edge of neon. */
function paintRoofLots(
  ctx: Ctx2D,
  cam: Camera,
  lots: readonly Lot[],
  style: DistrictStyle,
  v: ViewRect,
) {
  for (const l of lots) {
    if (!intersects(v, l.x, l.y, l.w, l.h)) continue;
    const x = cam.sx(l.x);
    const y = cam.sy(l.y);
    const w = l.w * cam.ppm;
    const h = l.h * cam.ppm;
    ctx.fillStyle = style.roof[1];
    ctx.fillRect(x, y, w, h);
    fillGrain(ctx, cam, x, y, w, h, 'gravel');
    ctx.globalAlpha = 0.35 + l.height * 0.35;
    ctx.strokeStyle = l.color;
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
    ctx.globalAlpha = 1;
    ctx.fillStyle = style.roofBox;
    for (const r of l.roof) ctx.fillRect(cam.sx(r.x), cam.sy(r.y), r.w * cam.ppm, r.h * cam.ppm);
  }
}
