/**
 * Streets as a city has them: pavements with slab joints and a lit kerb, asphalt with
 * grain, lane marks that stop at the crossings, zebra crossings, manholes, puddles
 * that catch the neon, parked cars, street lights and their pools of light. Painted
 * once into the city's cached tiles (city-tiles.ts), never per frame.
 */
import type { ZoneInfo } from '@necp/shared';
import { intersects, type Camera, type ViewRect } from '../camera';
import { FONT_DISPLAY } from '../palette';
import type { DistrictStyle } from './district-style';
import { hash3 } from './hash';
import { paintCar } from './paint-props';
import { fillGrain, type Ctx2D } from './surfaces';

type Street = ZoneInfo['streets'][number];
interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** metres of pavement either side of a street */
export const PAVEMENT_M = 2.5;
const LAMP_EVERY_M = 22;
const CAR_SLOT_M = 7;

const vertical = (s: Rect) => s.h > s.w;

/** Where two streets cross (the crossings of a grid). */
export function crossings(streets: readonly Street[]): Rect[] {
  const out: Rect[] = [];
  for (const a of streets) {
    if (!vertical(a)) continue;
    for (const b of streets) {
      if (vertical(b)) continue;
      const x = Math.max(a.x, b.x);
      const y = Math.max(a.y, b.y);
      const x1 = Math.min(a.x + a.w, b.x + b.w);
      const y1 = Math.min(a.y + a.h, b.y + b.h);
      if (x1 > x && y1 > y) out.push({ x, y, w: x1 - x, h: y1 - y });
    }
  }
  return out;
}

const near = (r: Rect, x: number, y: number, m: number) =>
  x > r.x - m && x < r.x + r.w + m && y > r.y - m && y < r.y + r.h + m;

export function paintStreets(
  ctx: Ctx2D,
  cam: Camera,
  zone: ZoneInfo,
  style: DistrictStyle,
  v: ViewRect,
) {
  const p = cam.ppm;
  const visible = zone.streets.filter((s) =>
    intersects(v, s.x - PAVEMENT_M, s.y - PAVEMENT_M, s.w + PAVEMENT_M * 2, s.h + PAVEMENT_M * 2),
  );
  const xs = crossings(zone.streets).filter((c) =>
    intersects(v, c.x - 4, c.y - 4, c.w + 8, c.h + 8),
  );
  // pavements first: the asphalt of a crossing street covers them where streets meet
  for (const s of visible) {
    const x = cam.sx(s.x - PAVEMENT_M);
    const y = cam.sy(s.y - PAVEMENT_M);
    const w = (s.w + PAVEMENT_M * 2) * p;
    const h = (s.h + PAVEMENT_M * 2) * p;
    ctx.fillStyle = style.pavement;
    ctx.fillRect(x, y, w, h);
    paintSlabs(ctx, cam, s, style);
  }
  ctx.strokeStyle = style.kerb;
  ctx.lineWidth = Math.max(1, p * 0.12);
  ctx.beginPath();
  for (const s of visible) {
    const x = cam.sx(s.x);
    const y = cam.sy(s.y);
    const w = s.w * p;
    const h = s.h * p;
    if (vertical(s)) {
      ctx.moveTo(x - 1, y);
      ctx.lineTo(x - 1, y + h);
      ctx.moveTo(x + w + 1, y);
      ctx.lineTo(x + w + 1, y + h);
    } else {
      ctx.moveTo(x, y - 1);
      ctx.lineTo(x + w, y - 1);
      ctx.moveTo(x, y + h + 1);
      ctx.lineTo(x + w, y + h + 1);
    }
  }
  ctx.stroke();
  ctx.fillStyle = style.asphalt;
  for (const s of visible) ctx.fillRect(cam.sx(s.x), cam.sy(s.y), s.w * p, s.h * p);
  for (const s of visible) fillGrain(ctx, cam, cam.sx(s.x), cam.sy(s.y), s.w * p, s.h * p);
  paintLaneMarks(ctx, cam, visible, style, v);
  for (const c of xs) paintCrossing(ctx, cam, c, style);
  for (const s of visible) paintStreetDetail(ctx, cam, s, style, xs, zone);
  paintStreetNames(ctx, cam, visible, v);
}

/** Pavement slabs: joints every 1.5 m across the band. */
function paintSlabs(ctx: Ctx2D, cam: Camera, s: Street, style: DistrictStyle) {
  const p = cam.ppm;
  if (p < 6) return;
  const step = 1.5;
  ctx.strokeStyle = style.slabLine;
  ctx.lineWidth = 1;
  ctx.beginPath();
  const x0 = s.x - PAVEMENT_M;
  const y0 = s.y - PAVEMENT_M;
  const x1 = s.x + s.w + PAVEMENT_M;
  const y1 = s.y + s.h + PAVEMENT_M;
  if (vertical(s)) {
    for (let y = Math.ceil(y0 / step) * step; y < y1; y += step) {
      ctx.moveTo(cam.sx(x0), cam.sy(y));
      ctx.lineTo(cam.sx(s.x), cam.sy(y));
      ctx.moveTo(cam.sx(s.x + s.w), cam.sy(y));
      ctx.lineTo(cam.sx(x1), cam.sy(y));
    }
  } else {
    for (let x = Math.ceil(x0 / step) * step; x < x1; x += step) {
      ctx.moveTo(cam.sx(x), cam.sy(y0));
      ctx.lineTo(cam.sx(x), cam.sy(s.y));
      ctx.moveTo(cam.sx(x), cam.sy(s.y + s.h));
      ctx.lineTo(cam.sx(x), cam.sy(y1));
    }
  }
  ctx.stroke();
}

function paintLaneMarks(
  ctx: Ctx2D,
  cam: Camera,
  streets: readonly Street[],
  style: DistrictStyle,
  v: ViewRect,
) {
  ctx.save();
  ctx.strokeStyle = style.laneMark;
  ctx.lineWidth = Math.max(1, cam.ppm * 0.15);
  // dashes anchored to the world (2 m on, 2 m off from 0), so tiles join
  const dash = cam.ppm * 2;
  ctx.setLineDash([dash, dash]);
  ctx.beginPath();
  for (const s of streets) {
    if (vertical(s)) {
      const x = cam.sx(s.x + s.w / 2);
      const y0 = Math.floor(Math.max(s.y, v.y0 - 4) / 4) * 4;
      ctx.moveTo(x, cam.sy(y0));
      ctx.lineTo(x, cam.sy(Math.min(s.y + s.h, v.y1 + 4)));
    } else {
      const y = cam.sy(s.y + s.h / 2);
      const x0 = Math.floor(Math.max(s.x, v.x0 - 4) / 4) * 4;
      ctx.moveTo(cam.sx(x0), y);
      ctx.lineTo(cam.sx(Math.min(s.x + s.w, v.x1 + 4)), y);
    }
  }
  ctx.stroke();
  ctx.restore();
}

/** A crossing: bare asphalt in the middle, zebra stripes on the four sides. */
function paintCrossing(ctx: Ctx2D, cam: Camera, c: Rect, style: DistrictStyle) {
  const p = cam.ppm;
  ctx.fillStyle = style.asphalt;
  ctx.fillRect(cam.sx(c.x), cam.sy(c.y), c.w * p, c.h * p);
  fillGrain(ctx, cam, cam.sx(c.x), cam.sy(c.y), c.w * p, c.h * p);
  ctx.fillStyle = 'rgba(230, 235, 255, 0.16)';
  const stripe = 0.5;
  const depth = 2.2;
  for (let t = c.x + 0.6; t + stripe < c.x + c.w - 0.4; t += stripe * 2) {
    ctx.fillRect(cam.sx(t), cam.sy(c.y + 0.3), stripe * p, depth * p);
    ctx.fillRect(cam.sx(t), cam.sy(c.y + c.h - 0.3 - depth), stripe * p, depth * p);
  }
  for (let t = c.y + 0.6; t + stripe < c.y + c.h - 0.4; t += stripe * 2) {
    ctx.fillRect(cam.sx(c.x + 0.3), cam.sy(t), depth * p, stripe * p);
    ctx.fillRect(cam.sx(c.x + c.w - 0.3 - depth), cam.sy(t), depth * p, stripe * p);
  }
}

/** Manholes, puddles, parked cars and street lights along one street. */
function paintStreetDetail(
  ctx: Ctx2D,
  cam: Camera,
  s: Street,
  style: DistrictStyle,
  xs: readonly Rect[],
  zone: ZoneInfo,
) {
  const p = cam.ppm;
  const vert = vertical(s);
  const len = vert ? s.h : s.w;
  const across = vert ? s.w : s.h;
  const at = (along: number, off: number) =>
    vert ? { x: s.x + off, y: s.y + along } : { x: s.x + along, y: s.y + off };
  const free = (x: number, y: number, m: number) =>
    !xs.some((c) => near(c, x, y, m)) &&
    !zone.spawnPoints.some((q) => Math.hypot(q.x - x, q.y - y) < 6);
  const sx = Math.round(s.x);
  const sy = Math.round(s.y);
  // parked cars in the kerb lane, both sides
  for (let i = 0; i * CAR_SLOT_M < len; i++) {
    for (const side of [0, 1]) {
      const r = hash3(sx + i, sy + side, 31);
      if (r > style.traffic) continue;
      const c = at(i * CAR_SLOT_M + CAR_SLOT_M / 2, side ? across - 1.3 : 1.3);
      if (!free(c.x, c.y, 3.5)) continue;
      paintCar(ctx, cam, c.x, c.y, vert, side === 1, hash3(sx + i, sy + side, 32));
    }
  }
  // manholes and puddles on the roadway
  for (let i = 0; i * 9 < len; i++) {
    const r = hash3(sx + i, sy, 41);
    const c = at(i * 9 + 4 + r * 3, across * (0.3 + hash3(sx + i, sy, 42) * 0.4));
    if (r < 0.18 && free(c.x, c.y, 1)) {
      ctx.fillStyle = 'rgba(0, 0, 0, 0.35)';
      ctx.beginPath();
      ctx.arc(cam.sx(c.x), cam.sy(c.y), 0.45 * p, 0, Math.PI * 2);
      ctx.fill();
      ctx.strokeStyle = 'rgba(160, 170, 200, 0.25)';
      ctx.lineWidth = 1;
      ctx.stroke();
    } else if (style.rain > 0 && r > 1 - 0.25 * style.rain) {
      paintPuddle(ctx, cam, c.x, c.y, style, hash3(sx + i, sy, 43));
    }
  }
  // street lights on the pavement, alternating sides, and their pools
  for (let i = 0; i * LAMP_EVERY_M < len; i++) {
    const side = i % 2;
    const c = at(i * LAMP_EVERY_M + 6, side ? across + PAVEMENT_M * 0.6 : -PAVEMENT_M * 0.6);
    if (!free(c.x, c.y, 2)) continue;
    const x = cam.sx(c.x);
    const y = cam.sy(c.y);
    const r = 6 * p;
    ctx.save();
    ctx.globalCompositeOperation = 'lighter';
    const g = ctx.createRadialGradient(x, y, 0, x, y, r);
    g.addColorStop(0, style.lamp);
    g.addColorStop(1, 'rgba(0, 0, 0, 0)');
    ctx.fillStyle = g;
    ctx.fillRect(x - r, y - r, r * 2, r * 2);
    ctx.restore();
    ctx.fillStyle = '#2b3045';
    ctx.fillRect(x - 0.18 * p, y - 0.18 * p, 0.36 * p, 0.36 * p);
    ctx.fillStyle = 'rgba(255, 230, 190, 0.9)';
    ctx.fillRect(x - 0.1 * p, y - 0.1 * p, 0.2 * p, 0.2 * p);
  }
}

/** A puddle: a dark oval holding a smear of a sign's colour. */
function paintPuddle(
  ctx: Ctx2D,
  cam: Camera,
  x: number,
  y: number,
  style: DistrictStyle,
  r: number,
) {
  const p = cam.ppm;
  const w = (1.2 + r * 1.8) * p;
  const h = w * (0.35 + r * 0.2);
  const cx = cam.sx(x);
  const cy = cam.sy(y);
  ctx.save();
  ctx.fillStyle = 'rgba(4, 6, 14, 0.55)';
  ctx.beginPath();
  ctx.ellipse(cx, cy, w, h, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.clip();
  const neon = style.neon[Math.floor(r * style.neon.length)]!;
  const g = ctx.createLinearGradient(cx - w, cy, cx + w, cy);
  g.addColorStop(0, 'rgba(0,0,0,0)');
  g.addColorStop(0.5, neon);
  g.addColorStop(1, 'rgba(0,0,0,0)');
  ctx.globalAlpha = 0.22;
  ctx.fillStyle = g;
  ctx.fillRect(cx - w, cy - h * 0.3, w * 2, h * 0.6);
  ctx.restore();
}

function paintStreetNames(ctx: Ctx2D, cam: Camera, streets: readonly Street[], v: ViewRect) {
  ctx.save();
  ctx.font = `600 ${Math.round(cam.ppm * 1.1)}px ${FONT_DISPLAY}`;
  ctx.fillStyle = 'rgba(0, 240, 255, 0.45)';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const every = 48; // metres between repeated labels
  const pad = 30; // a label is drawn by every tile it reaches into
  for (const s of streets) {
    if (!s.name) continue;
    const label = s.name.toUpperCase();
    if (vertical(s)) {
      const x = cam.sx(s.x + s.w / 2);
      for (
        let y = Math.ceil((v.y0 - pad) / every) * every + every / 2;
        y < v.y1 + pad;
        y += every
      ) {
        ctx.save();
        ctx.translate(x, cam.sy(y));
        ctx.rotate(-Math.PI / 2);
        ctx.fillText(label, 0, -cam.ppm * 2.5);
        ctx.restore();
      }
    } else {
      const y = cam.sy(s.y + s.h / 2);
      for (let x = Math.ceil((v.x0 - pad) / every) * every + every / 2; x < v.x1 + pad; x += every)
        ctx.fillText(label, cam.sx(x), y - cam.ppm * 2.5);
    }
  }
  ctx.restore();
}
