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
import { Stamps, type Stamp } from './stamps';
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

/** contacts' plates, drawn once each (stamps.ts) */
const plateStamps = new Stamps(100);

/** The two-line plate (name; title, a vendor's in yellow with ¥) as a stamp. */
function plateStamp(ctx: CanvasRenderingContext2D, c: DrawnContact): Stamp {
  return plateStamps.get(ctx, `${c.name}|${c.title}|${c.vendor ? 1 : 0}`, (m) => {
    m.font = `700 12px ${FONT_MONO}`;
    const nameW = m.measureText(c.name).width;
    m.font = `700 9.5px ${FONT_DISPLAY}`;
    m.letterSpacing = '1px';
    const title = (c.vendor ? `¥ ${c.title}` : c.title).toUpperCase();
    const titleW = m.measureText(title).width;
    m.letterSpacing = '0px';
    const w = Math.ceil(Math.max(nameW, titleW) + 16);
    const h = c.title ? 30 : 18;
    return {
      w,
      h,
      paint: (cc) => {
        const x = w / 2;
        cc.textAlign = 'center';
        cc.textBaseline = 'middle';
        cc.fillStyle = 'rgba(5, 6, 11, 0.8)';
        cc.fillRect(0, 0, w, h);
        cc.fillStyle = BODY;
        cc.fillRect(0, 0, 2, h);
        cc.fillRect(w - 2, 0, 2, h);
        cc.font = `700 12px ${FONT_MONO}`;
        cc.fillText(c.name, x, 9.5);
        if (!c.title) return;
        cc.font = `700 9.5px ${FONT_DISPLAY}`;
        cc.fillStyle = c.vendor ? C.yellow : C.muted;
        cc.letterSpacing = '1px';
        cc.fillText(title, x, 22.5);
      },
    };
  });
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
    const stamp = plateStamp(ctx, c);
    jobs.push({
      eid: c.eid,
      cx: x,
      y: plateTop(cam, c.y),
      w: stamp.w,
      h: stamp.h,
      // at whole pixels: a copy between pixels is blurred, and costs more
      draw: (cc, cx, top) =>
        cc.drawImage(stamp.image, Math.round(cx - stamp.w / 2), Math.round(top), stamp.w, stamp.h),
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
