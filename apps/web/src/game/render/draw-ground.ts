/** The static city: void outside the zone, ground, grid, building lots, streets, border. */
import type { ZoneInfo } from '@necp/shared';
import { intersects, type Camera } from './camera';
import type { Lot } from './city-layout';
import { C, FONT_DISPLAY } from './palette';

const FINE_GRID_M = 4;
const COARSE_GRID_M = 16; // the sim's area-of-interest cell size

export function drawGround(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  zone: ZoneInfo,
  lots: Lot[],
  now: number,
  /** the zone has real buildings: lots are only open ground (courtyards, parking) */
  flatLots = false,
) {
  ctx.fillStyle = C.void;
  ctx.fillRect(0, 0, cam.width, cam.height);
  const zx = cam.sx(0);
  const zy = cam.sy(0);
  const zw = zone.width * cam.ppm;
  const zh = zone.height * cam.ppm;
  ctx.fillStyle = C.ground;
  ctx.fillRect(zx, zy, zw, zh);

  const v = cam.view(1);
  drawGrid(ctx, cam, zone, v);
  if (flatLots) drawOpenLots(ctx, cam, lots, v);
  else drawLots(ctx, cam, lots, v, now);
  drawStreets(ctx, cam, zone, v);

  // zone border: a neon fence
  ctx.save();
  ctx.strokeStyle = C.magenta;
  ctx.lineWidth = 2;
  ctx.shadowColor = C.magenta;
  ctx.shadowBlur = 14;
  ctx.strokeRect(zx, zy, zw, zh);
  ctx.restore();
}

function drawGrid(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  zone: ZoneInfo,
  v: ReturnType<Camera['view']>,
) {
  const x0 = Math.max(0, Math.floor(v.x0 / FINE_GRID_M) * FINE_GRID_M);
  const x1 = Math.min(zone.width, v.x1);
  const y0 = Math.max(0, Math.floor(v.y0 / FINE_GRID_M) * FINE_GRID_M);
  const y1 = Math.min(zone.height, v.y1);
  ctx.lineWidth = 1;
  for (const [step, color] of [
    [FINE_GRID_M, C.gridFine],
    [COARSE_GRID_M, C.gridCoarse],
  ] as const) {
    ctx.strokeStyle = color;
    ctx.beginPath();
    for (let x = Math.ceil(x0 / step) * step; x <= x1; x += step) {
      const sx = Math.round(cam.sx(x)) + 0.5;
      ctx.moveTo(sx, cam.sy(y0));
      ctx.lineTo(sx, cam.sy(y1));
    }
    for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) {
      const sy = Math.round(cam.sy(y)) + 0.5;
      ctx.moveTo(cam.sx(x0), sy);
      ctx.lineTo(cam.sx(x1), sy);
    }
    ctx.stroke();
  }
}

/** Walkable plots between buildings: a kerb outline and a faint paving grid, no roof. */
function drawOpenLots(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  lots: Lot[],
  v: ReturnType<Camera['view']>,
) {
  ctx.save();
  ctx.setLineDash([cam.ppm * 0.8, cam.ppm * 0.6]);
  ctx.lineWidth = 1;
  for (const l of lots) {
    if (!intersects(v, l.x, l.y, l.w, l.h)) continue;
    const x = cam.sx(l.x);
    const y = cam.sy(l.y);
    const w = l.w * cam.ppm;
    const h = l.h * cam.ppm;
    ctx.fillStyle = 'rgba(20, 26, 48, 0.22)';
    ctx.fillRect(x, y, w, h);
    ctx.strokeStyle = 'rgba(127, 138, 168, 0.1)';
    ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
  }
  ctx.restore();
}

function drawLots(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  lots: Lot[],
  v: ReturnType<Camera['view']>,
  now: number,
) {
  for (const l of lots) {
    if (!intersects(v, l.x, l.y, l.w, l.h)) continue;
    const x = cam.sx(l.x);
    const y = cam.sy(l.y);
    const w = l.w * cam.ppm;
    const h = l.h * cam.ppm;
    ctx.fillStyle = C.lot;
    ctx.fillRect(x, y, w, h);
    // roof detail: an inner outline and, on taller buildings, a blinking antenna light
    ctx.globalAlpha = 0.35 + l.height * 0.35;
    ctx.strokeStyle = l.color;
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
    ctx.globalAlpha = 0.12;
    const inset = Math.min(w, h) * 0.18;
    ctx.strokeRect(x + inset, y + inset, w - inset * 2, h - inset * 2);
    ctx.globalAlpha = 1;
    ctx.fillStyle = '#141a30';
    for (const r of l.roof) ctx.fillRect(cam.sx(r.x), cam.sy(r.y), r.w * cam.ppm, r.h * cam.ppm);
    if (l.height > 0.6) {
      const on = Math.floor(now / 700 + l.height * 10) % 3 !== 0;
      ctx.globalAlpha = on ? 0.9 : 0.25;
      ctx.fillStyle = l.color;
      ctx.fillRect(x + w / 2 - 2, y + h / 2 - 2, 4, 4);
    }
    ctx.globalAlpha = 1;
  }
}

function drawStreets(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  zone: ZoneInfo,
  v: ReturnType<Camera['view']>,
) {
  const visible = zone.streets.filter((s) => intersects(v, s.x, s.y, s.w, s.h));
  ctx.fillStyle = C.street;
  for (const s of visible) ctx.fillRect(cam.sx(s.x), cam.sy(s.y), s.w * cam.ppm, s.h * cam.ppm);

  ctx.strokeStyle = C.streetEdge;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const s of visible) {
    const vertical = s.h > s.w;
    const x = cam.sx(s.x);
    const y = cam.sy(s.y);
    const w = s.w * cam.ppm;
    const h = s.h * cam.ppm;
    if (vertical) {
      ctx.moveTo(x + 0.5, y);
      ctx.lineTo(x + 0.5, y + h);
      ctx.moveTo(x + w - 0.5, y);
      ctx.lineTo(x + w - 0.5, y + h);
    } else {
      ctx.moveTo(x, y + 0.5);
      ctx.lineTo(x + w, y + 0.5);
      ctx.moveTo(x, y + h - 0.5);
      ctx.lineTo(x + w, y + h - 0.5);
    }
  }
  ctx.stroke();

  // dashed lane markings along the middle
  ctx.save();
  ctx.strokeStyle = C.laneMark;
  ctx.setLineDash([cam.ppm * 2, cam.ppm * 2]);
  ctx.beginPath();
  for (const s of visible) {
    if (s.h > s.w) {
      const x = cam.sx(s.x + s.w / 2);
      ctx.moveTo(x, cam.sy(Math.max(s.y, v.y0)));
      ctx.lineTo(x, cam.sy(Math.min(s.y + s.h, v.y1)));
    } else {
      const y = cam.sy(s.y + s.h / 2);
      ctx.moveTo(cam.sx(Math.max(s.x, v.x0)), y);
      ctx.lineTo(cam.sx(Math.min(s.x + s.w, v.x1)), y);
    }
  }
  ctx.stroke();
  ctx.restore();

  drawStreetNames(ctx, cam, visible, v);
}

function drawStreetNames(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  streets: ZoneInfo['streets'],
  v: ReturnType<Camera['view']>,
) {
  ctx.save();
  ctx.font = `600 ${Math.round(cam.ppm * 1.1)}px ${FONT_DISPLAY}`;
  ctx.fillStyle = 'rgba(0, 240, 255, 0.45)';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const every = 48; // metres between repeated labels
  for (const s of streets) {
    if (!s.name) continue;
    const label = s.name.toUpperCase();
    if (s.h > s.w) {
      const x = cam.sx(s.x + s.w / 2);
      for (let y = Math.ceil(v.y0 / every) * every + every / 2; y < v.y1; y += every) {
        ctx.save();
        ctx.translate(x, cam.sy(y));
        ctx.rotate(-Math.PI / 2);
        ctx.fillText(label, 0, -cam.ppm * 2.5);
        ctx.restore();
      }
    } else {
      const y = cam.sy(s.y + s.h / 2);
      for (let x = Math.ceil(v.x0 / every) * every + every / 2; x < v.x1; x += every) {
        ctx.fillText(label, cam.sx(x), y - cam.ppm * 2.5);
      }
    }
  }
  ctx.restore();
}
