/**
 * Corner minimap: the whole zone scaled down (streets, buildings, areas, service
 * points — cached as an image per zone and size), then what changes: people in
 * view, every contact of the zone with its quest marker, and you.
 */
import { isMetroStation, type Vec2, type ZoneInfo } from '@necp/shared';
import type { MapContact } from '../world/contacts';
import type { Camera } from './camera';
import { districtStyle } from './city/district-style';
import { buildingLook } from './city/paint-buildings';
import { entityColor, type DrawnEntity } from './draw-entities';
import { drawMinimapGuide } from './draw-guide';
import { drawMinimapParty, type PartyMarker } from './draw-party';
import type { GuideMark } from '../tutorial/guide';
import { C, FONT_DISPLAY } from './palette';

export const MINIMAP_SIZE = 180;
/** on a phone the full-size map would cover a third of the screen and the HUD cards */
export const MINIMAP_SIZE_SMALL = 104;
const MARGIN = 16;
const MARGIN_SMALL = 8;
/** match the small-screen breakpoints of mobile.css (a phone upright, or on its side) */
const SMALL_SCREEN_PX = 720;
const SHORT_SCREEN_PX = 500;

/** The minimap's box in CSS pixels for a view of this size. */
export function minimapRect(viewWidth: number, viewHeight = Infinity) {
  const small = viewWidth <= SMALL_SCREEN_PX || viewHeight <= SHORT_SCREEN_PX;
  const size = small ? MINIMAP_SIZE_SMALL : MINIMAP_SIZE;
  const margin = small ? MARGIN_SMALL : MARGIN;
  return { x: viewWidth - size - margin, y: margin, size };
}

let cache: { zoneId: string; size: number; dpr: number; image: HTMLCanvasElement } | null = null;

function staticLayer(zone: ZoneInfo, size: number, dpr: number): HTMLCanvasElement {
  if (cache && cache.zoneId === zone.id && cache.size === size && cache.dpr === dpr)
    return cache.image;
  const c = document.createElement('canvas');
  c.width = size * dpr;
  c.height = size * dpr;
  const ctx = c.getContext('2d')!;
  ctx.scale(dpr, dpr);
  const k = size / Math.max(zone.width, zone.height);
  // the district's own colours, as the city view paints it (city/district-style.ts)
  const style = districtStyle(zone.id);
  ctx.globalAlpha = 0.92;
  ctx.fillStyle = style.ground;
  ctx.fillRect(0, 0, size, size);
  ctx.globalAlpha = 1;
  // an instance's "streets" are its rooms and floors (the arena's pit, the vault's
  // halls): floors edged like walls; in the city a named street is a main road, in yellow
  const indoors = style.key === 'arena' || style.key === 'deep';
  for (const s of zone.streets) {
    const x = s.x * k;
    const y = s.y * k;
    const w = Math.max(1, s.w * k);
    const h = Math.max(1, s.h * k);
    ctx.fillStyle = s.name && !indoors ? 'rgba(252, 238, 10, 0.45)' : style.pavement;
    ctx.fillRect(x, y, w, h);
    if (!indoors) continue;
    ctx.strokeStyle = style.kerb;
    ctx.strokeRect(x + 0.5, y + 0.5, Math.max(1, w - 1), Math.max(1, h - 1));
  }
  // buildings: solid roofs edged in their sign's neon (they stop you, so the map shows them)
  ctx.lineWidth = 1;
  for (const o of zone.obstacles ?? []) {
    ctx.fillStyle = style.roof[0];
    ctx.fillRect(o.x * k, o.y * k, Math.max(1, o.w * k), Math.max(1, o.h * k));
    ctx.strokeStyle = buildingLook(o, style).color;
    ctx.globalAlpha = 0.7;
    ctx.strokeRect(
      o.x * k + 0.5,
      o.y * k + 0.5,
      Math.max(1, o.w * k - 1),
      Math.max(1, o.h * k - 1),
    );
    ctx.globalAlpha = 1;
  }
  // named areas: faint violet rings
  ctx.strokeStyle = 'rgba(157, 92, 255, 0.55)';
  ctx.fillStyle = 'rgba(157, 92, 255, 0.1)';
  ctx.lineWidth = 1;
  for (const a of zone.areas ?? []) {
    ctx.beginPath();
    ctx.arc(a.x * k, a.y * k, Math.max(3, a.radius * k), 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
  for (const p of zone.spawnPoints) {
    if (isMetroStation(p)) {
      // the way out of the district: a violet "M" tile
      ctx.fillStyle = C.violet;
      ctx.fillRect(p.x * k - 4, p.y * k - 4, 8, 8);
      ctx.fillStyle = '#05060b';
      ctx.font = `900 7px ${FONT_DISPLAY}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('M', p.x * k, p.y * k + 0.5);
      continue;
    }
    ctx.fillStyle =
      p.kind === 'medical_center'
        ? C.red
        : p.kind === 'bank_terminal'
          ? C.yellow
          : p.kind === 'loot_crate'
            ? C.orange
            : C.magenta;
    ctx.fillRect(p.x * k - 2, p.y * k - 2, 4, 4);
  }
  cache = { zoneId: zone.id, size, dpr, image: c };
  return c;
}

export function drawMinimap(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  zone: ZoneInfo,
  self: Vec2,
  others: Pick<DrawnEntity, 'x' | 'y' | 'kind' | 'dead' | 'disposition'>[],
  contacts: readonly MapContact[],
  dpr: number,
  party: readonly PartyMarker[] = [],
  guide: GuideMark | null = null,
) {
  const { x: ox, y: oy, size } = minimapRect(cam.width, cam.height);
  // where the map sits, for the layout tests (the HUD must not cover it)
  const box = `${ox},${oy},${size},${size}`;
  if (ctx.canvas.dataset.minimap !== box) ctx.canvas.dataset.minimap = box;
  const k = size / Math.max(zone.width, zone.height);
  ctx.save();
  ctx.drawImage(staticLayer(zone, size, dpr), ox, oy, size, size);
  // what the main view shows
  const v = cam.view();
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.35)';
  ctx.lineWidth = 1;
  ctx.strokeRect(ox + v.x0 * k, oy + v.y0 * k, (v.x1 - v.x0) * k, (v.y1 - v.y0) * k);
  for (const o of others) {
    if (o.dead) continue;
    ctx.fillStyle = entityColor(o);
    ctx.fillRect(ox + o.x * k - 1.5, oy + o.y * k - 1.5, 3, 3);
  }
  drawMapContacts(ctx, ox, oy, k, contacts);
  drawMinimapParty(ctx, ox, oy, k, party);
  if (guide) drawMinimapGuide(ctx, ox, oy, k, guide);
  ctx.fillStyle = C.yellow;
  ctx.shadowColor = C.yellow;
  ctx.shadowBlur = 8;
  ctx.beginPath();
  ctx.arc(ox + self.x * k, oy + self.y * k, 3, 0, Math.PI * 2);
  ctx.fill();
  ctx.shadowBlur = 0;
  // frame
  ctx.strokeStyle = C.cyan;
  ctx.globalAlpha = 0.6;
  ctx.strokeRect(ox - 0.5, oy - 0.5, size + 1, size + 1);
  ctx.globalAlpha = 1;
  ctx.font = `700 11px ${FONT_DISPLAY}`;
  ctx.fillStyle = C.cyan;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(zone.name.toUpperCase(), ox + 6, oy + 5);
  ctx.restore();
}

/** Contacts as green dots with a dark rim; a quest marker stands over the dot. */
function drawMapContacts(
  ctx: CanvasRenderingContext2D,
  ox: number,
  oy: number,
  k: number,
  contacts: readonly MapContact[],
) {
  ctx.save();
  for (const c of contacts) {
    const x = ox + c.x * k;
    const y = oy + c.y * k;
    ctx.fillStyle = '#05060b';
    ctx.beginPath();
    ctx.arc(x, y, 3.4, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = C.green;
    ctx.beginPath();
    ctx.arc(x, y, 2.4, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.font = `900 13px ${FONT_DISPLAY}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#05060b';
  for (const c of contacts) {
    if (!c.marker) continue;
    const x = ox + c.x * k;
    const y = oy + c.y * k - 3;
    ctx.strokeText(c.marker, x, y);
    ctx.shadowColor = C.yellow;
    ctx.shadowBlur = 6;
    ctx.fillStyle = C.yellow;
    ctx.fillText(c.marker, x, y);
    ctx.shadowBlur = 0;
  }
  ctx.restore();
}
