/**
 * The sprite cases' art, drawn once before the first frame with the game's own
 * drawing helpers: the city round Kabuki Market (ground, streets, buildings, labels)
 * as one background, the vignette and the minimap's base as one overlay, an atlas
 * of every figure's look in WALK_FRAMES poses, one name plate per figure, one image
 * per floating text, and telegraph shapes. A frame then only copies images, which
 * pixi.js can take as textures as they are.
 */
import type { Vec2, ZoneInfo } from '@necp/shared';
import type { FloatKind } from '../../../../apps/web/src/game/combat/floating-text';
import { Camera } from '../../../../apps/web/src/game/render/camera';
import { buildLots } from '../../../../apps/web/src/game/render/city/lots';
import { districtStyle } from '../../../../apps/web/src/game/render/city/district-style';
import { paintBuildings } from '../../../../apps/web/src/game/render/city/paint-buildings';
import { paintGround } from '../../../../apps/web/src/game/render/city/paint-ground';
import { drawAreaLabels, drawAreas } from '../../../../apps/web/src/game/render/draw-areas';
import { FigureSprites } from '../../../../apps/web/src/game/render/art/figure-sprites';
import {
  drawOther,
  drawSelf,
  figureHeight,
  type DrawnEntity,
} from '../../../../apps/web/src/game/render/draw-entities';
import { drawFloatingTexts } from '../../../../apps/web/src/game/render/draw-floating-text';
import { drawSpawnMarkers } from '../../../../apps/web/src/game/render/draw-markers';
import { drawMinimap } from '../../../../apps/web/src/game/render/draw-minimap';
import type { MapContact } from '../../../../apps/web/src/game/world/contacts';
import { WALK_FRAMES, type CrowdFrame } from './crowd';

/** An image in CSS pixels; (ax, ay) is the point drawn at the figure's feet. */
export interface Sprite {
  canvas: HTMLCanvasElement;
  /** source rectangle in device pixels (an atlas cell, or the whole canvas) */
  sx: number;
  sy: number;
  sw: number;
  sh: number;
  w: number;
  h: number;
  ax: number;
  ay: number;
}

export interface SpriteArt {
  background: { canvas: HTMLCanvasElement; origin: Vec2 };
  overlay: HTMLCanvasElement;
  /** figure look → one sprite per walk frame (self: one per heading) */
  looks: Map<string, Sprite[]>;
  plates: Map<number, Plate>;
  texts: Map<string, Sprite>;
  shapes: { disc: Sprite; discFill: Sprite; band: Sprite; bandFill: Sprite };
}

/** telegraph colours (draw-telegraphs.ts) */
const EDGE = 'rgba(255, 59, 92, 0.85)';
const AREA = 'rgba(255, 59, 92, 0.12)';
const FILL = 'rgba(255, 59, 92, 0.32)';

function canvasOf(w: number, h: number, dpr: number) {
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(w * dpr);
  canvas.height = Math.ceil(h * dpr);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(dpr, dpr);
  return { canvas, ctx };
}

const whole = (canvas: HTMLCanvasElement, w: number, h: number, ax = 0, ay = 0): Sprite => ({
  canvas,
  sx: 0,
  sy: 0,
  sw: canvas.width,
  sh: canvas.height,
  w,
  h,
  ax,
  ay,
});

/** A camera of `w`×`h` CSS px at `ppm`, centred on `at`. */
function cameraAt(w: number, h: number, ppm: number, at: Vec2) {
  const cam = new Camera();
  cam.width = w;
  cam.height = h;
  cam.ppm = ppm;
  cam.follow(at);
  return cam;
}

/** One atlas row per look: each player its own (skin and hair follow the name), NPCs by kind. */
export const lookOf = (e: DrawnEntity) =>
  e.kind === 'player'
    ? `p:${e.name}:${e.dead ? 1 : 0}`
    : `n:${e.templateId}:${e.rank}:${e.disposition}:${e.dead ? 1 : 0}`;

const rankScale = (e: DrawnEntity) => (e.rank === 'boss' ? 1.5 : e.rank === 'elite' ? 1.2 : 1);

/**
 * The figures as the game draws them (draw-entities.ts with art/'s figure sprites), one
 * row of WALK_FRAMES cells per look, the figure's position at each cell's centre: a
 * figure reaches 0.85 of its height above that and 0.8 to each side (figure-sprites.ts).
 */
function figureAtlas(frame: CrowdFrame, ppm: number, dpr: number): Map<string, Sprite[]> {
  const sprites = new FigureSprites();
  const examples = new Map<string, DrawnEntity>();
  for (const e of frame.others) if (!examples.has(lookOf(e))) examples.set(lookOf(e), e);
  const rows = [...examples.entries()];
  const h = figureHeight(cameraAt(1, 1, ppm, { x: 0, y: 0 }));
  const cell = (e: DrawnEntity) => Math.ceil(h * rankScale(e) * 1.8 + 8);
  // the own figure: its ring and heading chevron reach a little further
  const selfCell = Math.ceil(h * 2.1 + 8);
  const width = Math.max(selfCell, ...rows.map(([, e]) => cell(e))) * WALK_FRAMES;
  const height = rows.reduce((sum, [, e]) => sum + cell(e), selfCell);
  const { canvas, ctx } = canvasOf(width, height, dpr);
  const looks = new Map<string, Sprite[]>();
  let y = 0;
  const row = (key: string, size: number, paint: (cam: Camera, k: number) => void) => {
    const cells: Sprite[] = [];
    for (let k = 0; k < WALK_FRAMES; k++) {
      const x = k * size;
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, y, size, size);
      ctx.clip();
      // a camera that puts the world's origin at this cell's centre
      const cam = cameraAt(width, height, ppm, {
        x: (width / 2 - x - size / 2) / ppm,
        y: (height / 2 - y - size / 2) / ppm,
      });
      paint(cam, k);
      ctx.restore();
      cells.push({
        canvas,
        sx: x * dpr,
        sy: y * dpr,
        sw: size * dpr,
        sh: size * dpr,
        w: size,
        h: size,
        ax: size / 2,
        ay: size / 2,
      });
    }
    looks.set(key, cells);
    y += size;
  };
  const pose = (k: number, dead: boolean) => ({
    dir: 'down' as const,
    phase: dead ? null : k / WALK_FRAMES,
    dead,
  });
  for (const [key, e] of rows)
    row(key, cell(e), (cam, k) => {
      const still = { ...e, x: 0, y: 0, disconnected: false, figure: pose(k, !!e.dead) };
      drawOther(ctx, cam, still, sprites);
    });
  // the own figure: one cell per heading (its chevron points the way it walks)
  row('self', selfCell, (cam, k) => {
    const a = (k / WALK_FRAMES) * Math.PI * 2;
    const self = { ...frame.self, x: 0, y: 0, figure: pose(k, false) };
    drawSelf(ctx, cam, self, { x: Math.cos(a), y: Math.sin(a) }, 0, sprites);
  });
  return looks;
}

/** A name plate, and how far above its figure's position the game wants its top (px). */
export interface Plate {
  sprite: Sprite;
  dy: number;
}

/** Each figure's name plate, its health (and cast) bar empty: the fill is drawn per frame. */
function plates(frame: CrowdFrame, ppm: number, dpr: number): Map<number, Plate> {
  const scratch = canvasOf(64, 64, 1).ctx;
  const cam = cameraAt(64, 64, ppm, { x: 0, y: 0 });
  const sprites = new FigureSprites();
  const out = new Map<number, Plate>();
  for (const e of [frame.self, ...frame.others]) {
    if (e.dead) continue;
    const empty = { ...e, x: 0, y: 0, health: 0, cast: e.cast === null ? null : 0 };
    const job =
      e.eid === frame.self.eid
        ? drawSelf(scratch, cam, empty, { x: 0, y: 1 }, 0, sprites)
        : drawOther(scratch, cam, empty, sprites);
    if (!job) continue;
    const { canvas, ctx } = canvasOf(job.w, job.h, dpr);
    job.draw(ctx, job.w / 2, 0);
    out.set(e.eid, {
      sprite: whole(canvas, job.w, job.h, job.w / 2, job.h),
      dy: job.y - cam.sy(0),
    });
  }
  return out;
}

function textSprites(
  texts: { key: string; kind: FloatKind; text: string; faint: boolean }[],
  dpr: number,
) {
  const out = new Map<string, Sprite>();
  for (const t of texts) {
    // the largest it is ever shown (a crit pops to 1.6×); drawn smaller as it ages
    const scale = t.kind === 'crit' ? 1.6 : 1;
    const size = 20 * scale;
    const w = Math.ceil(t.text.length * size * 0.62 + 40);
    const h = Math.ceil(size * 1.3 + 30);
    const { canvas, ctx } = canvasOf(w, h, dpr);
    // the game's own text drawing, placed at the image's centre
    const lift = t.kind === 'effect' ? 24 : 46;
    const cam = cameraAt(w, h, 1, { x: 0, y: -lift });
    const live = { id: 0, anchor: 0, pos: { x: 0, y: 0 }, born: 0, dx: 0, age: 0, rise: 0 };
    drawFloatingTexts(ctx, cam, [{ ...live, ...t, alpha: 1, scale }], () => null);
    out.set(t.key, whole(canvas, w, h, w / 2, h / 2));
  }
  return out;
}

function shapes(dpr: number): SpriteArt['shapes'] {
  const R = 64;
  const disc = (fill: string, edge: boolean) => {
    const { canvas, ctx } = canvasOf(R * 2, R * 2, dpr);
    ctx.beginPath();
    ctx.arc(R, R, R - 1, 0, Math.PI * 2);
    ctx.fillStyle = fill;
    ctx.fill();
    if (edge) {
      ctx.lineWidth = 2;
      ctx.strokeStyle = EDGE;
      ctx.stroke();
    }
    return whole(canvas, R * 2, R * 2, R, R);
  };
  const band = (fill: string, edge: boolean) => {
    const { canvas, ctx } = canvasOf(R * 2, 32, dpr);
    ctx.fillStyle = fill;
    ctx.fillRect(0, 0, R * 2, 32);
    if (edge) {
      ctx.lineWidth = 2;
      ctx.strokeStyle = EDGE;
      ctx.strokeRect(1, 1, R * 2 - 2, 30);
    }
    return whole(canvas, R * 2, 32, 0, 16);
  };
  return {
    disc: disc(AREA, true),
    discFill: disc(FILL, false),
    band: band(AREA, true),
    bandFill: band(FILL, false),
  };
}

/** The renderer's vignette (renderer.ts drawVignette), once. */
function vignette(ctx: CanvasRenderingContext2D, w: number, h: number) {
  const g = ctx.createRadialGradient(
    w / 2,
    h / 2,
    Math.min(w, h) * 0.35,
    w / 2,
    h / 2,
    Math.max(w, h) * 0.75,
  );
  g.addColorStop(0, 'rgba(0,0,0,0)');
  g.addColorStop(1, 'rgba(0,0,0,0.55)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
}

export function paintSpriteArt(o: {
  zone: ZoneInfo;
  view: { width: number; height: number; ppm: number };
  dpr: number;
  /** how far the own character wanders from `centre` (the background's margin), metres */
  wander: number;
  centre: Vec2;
  frame: CrowdFrame;
  texts: { key: string; kind: FloatKind; text: string; faint: boolean }[];
  mapContacts: MapContact[];
}): SpriteArt {
  const { zone, view, dpr } = o;
  const margin = Math.ceil(o.wander * view.ppm) + 8;
  const bw = view.width + margin * 2;
  const bh = view.height + margin * 2;
  const bg = canvasOf(bw, bh, dpr);
  const cam = cameraAt(bw, bh, view.ppm, o.centre);
  const obstacles = zone.obstacles ?? [];
  const overlaps = (l: { x: number; y: number; w: number; h: number }) =>
    obstacles.some((b) => l.x < b.x + b.w && l.x + l.w > b.x && l.y < b.y + b.h && l.y + l.h > b.y);
  const style = districtStyle(zone.id);
  const lots = buildLots(zone, style.neon).filter((l) => !overlaps(l));
  paintGround(bg.ctx, cam, zone, lots, style, obstacles.length > 0);
  drawAreas(bg.ctx, cam, zone);
  drawSpawnMarkers(bg.ctx, cam, zone, 0);
  paintBuildings(bg.ctx, cam, obstacles, style);
  drawAreaLabels(bg.ctx, cam, zone);
  const origin = { x: o.centre.x - bw / 2 / view.ppm, y: o.centre.y - bh / 2 / view.ppm };

  const over = canvasOf(view.width, view.height, dpr);
  vignette(over.ctx, view.width, view.height);
  const viewCam = cameraAt(view.width, view.height, view.ppm, o.centre);
  drawMinimap(over.ctx, viewCam, zone, o.centre, [], o.mapContacts, dpr);

  return {
    background: { canvas: bg.canvas, origin },
    overlay: over.canvas,
    looks: figureAtlas(o.frame, view.ppm, dpr),
    plates: plates(o.frame, view.ppm, dpr),
    texts: textSprites(o.texts, dpr),
    shapes: shapes(dpr),
  };
}
