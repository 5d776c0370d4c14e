/**
 * Contacts on the street: people drawn like everyone else (art/: a fixer's coat and
 * gold tie, a ripperdoc's white coat, an NCPD uniform, a vendor's cap…) standing on a
 * green pool, a two-line plate with name and title, a ground ring when in talk range,
 * and the quest marker over the head — a big yellow "!" (a job on offer) or "?" (a job
 * to turn in), bobbing and glowing like in every MMO.
 */
import type { WorldContact, QuestMarker } from '../world/contacts';
import { intersects, type Camera } from './camera';
import { FEET, figureHeight, type PlateJob } from './draw-entities';
import { figureLook } from './art/figure-look';
import type { FigureSprites } from './art/figure-sprites';
import type { Rect } from './plate-layout';
import { C, FONT_DISPLAY, FONT_MONO } from './palette';

export interface DrawnContact extends WorldContact {
  marker: QuestMarker | null;
  /** within talk range: E talks to this one */
  near: boolean;
}

const BODY = C.green;
const MARKER = C.yellow;

/** a head taller than a fighter marker: people you talk to should be easy to spot */
const sizeOf = (cam: Camera) => contactSize(cam.ppm);
const contactSize = (ppm: number) => Math.max(10, ppm * 0.95);

const plateLift = (r: number) => r * 2.4 + 34;
/** Screen y of the top of a contact's plate (markers sit above it). */
const plateTop = (cam: Camera, y: number) => cam.sy(y) - plateLift(sizeOf(cam));

/**
 * What a click on a contact hits, in screen pixels around its feet: the body,
 * the plate and the marker above it (a plate is a natural thing to click).
 */
export function contactHitBox(ppm: number) {
  const r = contactSize(ppm);
  return { halfWidth: Math.max(r * 1.4, 44), above: plateLift(r) + 10, below: r * 1.4 };
}

function plateSize(ctx: CanvasRenderingContext2D, c: DrawnContact) {
  ctx.font = `700 12px ${FONT_MONO}`;
  const nameW = ctx.measureText(c.name).width;
  ctx.font = `700 9.5px ${FONT_DISPLAY}`;
  ctx.letterSpacing = '1px';
  const title = (c.vendor ? `¥ ${c.title}` : c.title).toUpperCase();
  const titleW = ctx.measureText(title).width;
  ctx.letterSpacing = '0px';
  return { w: Math.max(nameW, titleW) + 16, h: c.title ? 30 : 18, title };
}

function plate(ctx: CanvasRenderingContext2D, x: number, top: number, c: DrawnContact) {
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const { w, h, title } = plateSize(ctx, c);
  ctx.fillStyle = 'rgba(5, 6, 11, 0.8)';
  ctx.fillRect(x - w / 2, top, w, h);
  ctx.fillStyle = BODY;
  ctx.fillRect(x - w / 2, top, 2, h);
  ctx.fillRect(x + w / 2 - 2, top, 2, h);
  ctx.font = `700 12px ${FONT_MONO}`;
  ctx.fillStyle = BODY;
  ctx.fillText(c.name, x, top + 9.5);
  if (c.title) {
    ctx.font = `700 9.5px ${FONT_DISPLAY}`;
    ctx.fillStyle = c.vendor ? C.yellow : C.muted;
    ctx.letterSpacing = '1px';
    ctx.fillText(title, x, top + 22.5);
    ctx.letterSpacing = '0px';
  }
}

export interface ContactPlate extends PlateJob {
  eid: number;
  /** the silhouette on screen: other plates keep off it */
  body: Rect;
}

/** Draws the figures; returns their plates for the plate pass. */
export function drawContacts(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  contacts: readonly DrawnContact[],
  now: number,
  sprites: FigureSprites,
): ContactPlate[] {
  const jobs: ContactPlate[] = [];
  const v = cam.view(4);
  const r = sizeOf(cam);
  const h = figureHeight(cam);
  const sorted = [...contacts].sort((a, b) => a.y - b.y || a.eid - b.eid);
  for (const c of sorted) {
    if (!intersects(v, c.x, c.y, 0, 0)) continue;
    const x = cam.sx(c.x);
    const y = cam.sy(c.y);
    ctx.save();
    // ground: a soft green pool; in talk range a turning dashed ring says "E"
    const glow = ctx.createRadialGradient(x, y + r * 0.8, 0, x, y + r * 0.8, r * 2.4);
    glow.addColorStop(0, 'rgba(61, 255, 143, 0.35)');
    glow.addColorStop(1, 'rgba(61, 255, 143, 0)');
    ctx.fillStyle = glow;
    ctx.beginPath();
    ctx.ellipse(x, y + r * 0.8, r * 2.4, r * 1.0, 0, 0, Math.PI * 2);
    ctx.fill();
    if (c.near) {
      ctx.save();
      ctx.translate(x, y + r * 0.8);
      ctx.scale(1, 0.42);
      ctx.strokeStyle = BODY;
      ctx.shadowColor = BODY;
      ctx.shadowBlur = 10;
      ctx.lineWidth = 2.5;
      ctx.setLineDash([r * 0.9, r * 0.5]);
      ctx.lineDashOffset = -now / 45;
      ctx.beginPath();
      ctx.arc(0, 0, r * 2.3, 0, Math.PI * 2);
      ctx.stroke();
      ctx.restore();
    }
    ctx.restore();
    const look = figureLook({
      kind: 'contact',
      templateId: c.contactId,
      relation: 'contact',
      seed: c.name,
    });
    const feet = y + h * FEET;
    sprites.draw(ctx, look, { dir: 'down', phase: null, dead: false }, x, feet, h);
    const size = plateSize(ctx, c);
    jobs.push({
      eid: c.eid,
      cx: x,
      y: plateTop(cam, c.y),
      w: size.w,
      h: size.h,
      draw: (cc, cx, top) => plate(cc, cx, top, c),
      body: { x0: x - h * 0.3, y0: feet - h, x1: x + h * 0.3, y1: feet },
    });
  }
  return jobs;
}

/**
 * "!" / "?" over the plates; drawn after everyone so nothing hides a job.
 * `plateTops` (by eid) are where the plate pass put the plates.
 */
export function drawQuestMarkers(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  contacts: readonly DrawnContact[],
  now: number,
  plateTops: ReadonlyMap<number, number> = new Map(),
) {
  const v = cam.view(6);
  const size = Math.round(Math.max(32, cam.ppm * 2.4));
  for (const c of contacts) {
    if (!c.marker || !intersects(v, c.x, c.y, 0, 0)) continue;
    const x = cam.sx(c.x);
    const bob = Math.sin(now / 320 + c.eid) * 3;
    const y = (plateTops.get(c.eid) ?? plateTop(cam, c.y)) - 6 + bob;
    const pulse = (Math.sin(now / 260 + c.eid) + 1) / 2;
    ctx.save();
    // halo behind the glyph
    const halo = ctx.createRadialGradient(x, y - size * 0.45, 0, x, y - size * 0.45, size * 0.9);
    halo.addColorStop(0, `rgba(252, 238, 10, ${0.28 + pulse * 0.18})`);
    halo.addColorStop(1, 'rgba(252, 238, 10, 0)');
    ctx.fillStyle = halo;
    ctx.fillRect(x - size, y - size * 1.4, size * 2, size * 1.9);
    ctx.font = `900 ${size}px ${FONT_DISPLAY}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 5;
    ctx.strokeStyle = 'rgba(5, 6, 11, 0.95)';
    ctx.strokeText(c.marker, x, y);
    ctx.shadowColor = MARKER;
    ctx.shadowBlur = 14 + pulse * 10;
    // a turn-in glows warmer: the job is done, go collect
    ctx.fillStyle = c.marker === '?' ? '#ffe14d' : MARKER;
    ctx.fillText(c.marker, x, y);
    ctx.restore();
  }
}
