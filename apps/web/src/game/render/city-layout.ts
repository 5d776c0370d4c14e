/**
 * Building lots between the streets of a zone, derived deterministically from
 * ZoneInfo (the sim sends streets, not buildings): the city blocks left between
 * full-length streets are split into a few lots each. Purely decorative; lots
 * near spawn points are left open as plazas.
 */
import type { ZoneInfo } from '@necp/shared';
import { NEON } from './palette';

export interface Lot {
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  /** 0..1, drives roof detail */
  height: number;
  /** rooftop boxes (AC units, stairwells) in metres, absolute */
  roof: { x: number; y: number; w: number; h: number }[];
}

const SIDEWALK = 2;
const GAP = 1.5;
const PLAZA_RADIUS = 9;

function hash(a: number, b: number, c: number): number {
  let h = (a * 374761393 + b * 668265263 + c * 2147483647) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** Free intervals along one axis between the given covered ranges. */
function gaps(length: number, covered: [number, number][]): [number, number][] {
  const sorted = [...covered].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let at = 0;
  for (const [s, e] of sorted) {
    if (s > at) out.push([at, s]);
    at = Math.max(at, e);
  }
  if (at < length) out.push([at, length]);
  return out.filter(([s, e]) => e - s > SIDEWALK * 2 + 2);
}

function splits(start: number, end: number, parts: number): [number, number][] {
  const size = (end - start) / parts;
  return Array.from(
    { length: parts },
    (_, i) => [start + i * size, start + (i + 1) * size] as [number, number],
  );
}

export function buildLots(zone: ZoneInfo): Lot[] {
  const vertical = zone.streets
    .filter((s) => s.h >= zone.height * 0.9)
    .map((s) => [s.x, s.x + s.w] as [number, number]);
  const horizontal = zone.streets
    .filter((s) => s.w >= zone.width * 0.9)
    .map((s) => [s.y, s.y + s.h] as [number, number]);
  const lots: Lot[] = [];
  for (const [x0, x1] of gaps(zone.width, vertical)) {
    for (const [y0, y1] of gaps(zone.height, horizontal)) {
      const seed = hash(Math.round(x0), Math.round(y0), 1);
      // 2–4 lots per side: about 12–25 m buildings in a 54 m Watson block
      const nx = 2 + Math.floor(hash(Math.round(x0), Math.round(y0), 2) * 3);
      const ny = 2 + Math.floor(hash(Math.round(x0), Math.round(y0), 3) * 3);
      for (const [lx0, lx1] of splits(x0 + SIDEWALK, x1 - SIDEWALK, nx)) {
        for (const [ly0, ly1] of splits(y0 + SIDEWALK, y1 - SIDEWALK, ny)) {
          const lot = {
            x: lx0 + GAP / 2,
            y: ly0 + GAP / 2,
            w: lx1 - lx0 - GAP,
            h: ly1 - ly0 - GAP,
          };
          const nearSpawn = zone.spawnPoints.some(
            (p) =>
              p.x > lot.x - PLAZA_RADIUS &&
              p.x < lot.x + lot.w + PLAZA_RADIUS &&
              p.y > lot.y - PLAZA_RADIUS &&
              p.y < lot.y + lot.h + PLAZA_RADIUS,
          );
          if (nearSpawn) continue;
          const r = hash(Math.round(lot.x * 10), Math.round(lot.y * 10), 4);
          const roof = Array.from({ length: 1 + Math.floor(r * 3) }, (_, i) => {
            const a = hash(Math.round(lot.x * 10), Math.round(lot.y * 10), 10 + i);
            const b = hash(Math.round(lot.x * 10), Math.round(lot.y * 10), 20 + i);
            const w = 1.5 + a * 2.5;
            const h = 1.5 + b * 2.5;
            return {
              x: lot.x + 1 + a * Math.max(0, lot.w - w - 2),
              y: lot.y + 1 + b * Math.max(0, lot.h - h - 2),
              w,
              h,
            };
          });
          lots.push({ ...lot, color: NEON[Math.floor((r + seed) * 4) % 4]!, height: r, roof });
        }
      }
    }
  }
  return lots;
}
