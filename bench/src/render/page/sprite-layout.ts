/**
 * Where each pre-rendered image of the sprite cases goes this frame, shared by the
 * Canvas 2D and the pixi.js case so both draw exactly the same: the background's
 * offset, telegraphs, figures (corpses first, then north to south), name plates laid
 * out by the game's own plate pass (plate-layout.ts: that work stays whatever draws),
 * health and cast bars, floating texts, minimap dots. CSS pixels throughout.
 */
import type { Vec2, ZoneInfo } from '@necp/shared';
import { Camera } from '../../../../apps/web/src/game/render/camera';
import {
  entityColor,
  isHostile,
  selfBody,
  type DrawnEntity,
} from '../../../../apps/web/src/game/render/draw-entities';
import { minimapRect } from '../../../../apps/web/src/game/render/draw-minimap';
import { C } from '../../../../apps/web/src/game/render/palette';
import {
  layoutPlates,
  PLATE_PRIORITY,
  type PlateRequest,
} from '../../../../apps/web/src/game/render/plate-layout';
import { WALK_FRAMES, type CrowdFrame } from './crowd';
import { lookOf, type Sprite, type SpriteArt } from './sprite-art';

/** An image placed: (x, y) is where its anchor lands; w×h the size it is drawn at. */
export interface Placed {
  sprite: Sprite;
  x: number;
  y: number;
  w: number;
  h: number;
  alpha: number;
  /** radians about the anchor (line telegraphs) */
  rot: number;
  /** added to what is under it, not blended over (a hit figure's flash) */
  add?: boolean;
}

export interface Bar {
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}

export interface SpriteFrame {
  /** the view's top-left inside the background image */
  bg: Vec2;
  /** telegraphs, figures and plates, in drawing order */
  under: Placed[];
  bars: Bar[];
  texts: Placed[];
  dots: Bar[];
}

/** metres: a hostile NPC this close gets its plate before the rest (renderer.ts) */
const HOSTILE_NEAR_M = 15;
const PLATE_MAX_LIFT = 56;
/** a hit figure flashes this long (draw-entities.ts) */
const HIT_FLASH_MS = 160;
const BAR_W = 40;
/** bars inside a plate (draw-entities.ts): the name line, the title line, the gap */
const NAME_H = 18;
const TITLE_H = 12;

const put = (sprite: Sprite, x: number, y: number, alpha = 1, k = 1, rot = 0): Placed => ({
  sprite,
  x,
  y,
  w: sprite.w * k,
  h: sprite.h * k,
  alpha,
  rot,
});

const barWidth = (e: DrawnEntity) =>
  e.rank === 'boss' ? BAR_W * 1.6 : e.rank === 'elite' ? BAR_W * 1.25 : BAR_W;

const titleLine = (e: DrawnEntity) => (!e.dead && (e.disconnected || e.title) ? TITLE_H : 0);

function bars(e: DrawnEntity, cx: number, top: number, out: Bar[]) {
  const frac = e.maxHealth > 0 ? Math.max(0, Math.min(1, e.health / e.maxHealth)) : 0;
  const w = barWidth(e);
  const y = top + NAME_H + titleLine(e) + 2;
  const color = isHostile(e) ? C.red : frac > 0.5 ? C.green : frac > 0.25 ? C.yellow : C.red;
  out.push({ x: cx - w / 2, y, w: w * frac, h: 5, color });
  if (e.cast !== null && e.cast !== undefined)
    out.push({ x: cx - BAR_W / 2, y: y + 8, w: BAR_W * e.cast, h: 3, color: C.orange });
}

export function layoutSprites(
  art: SpriteArt,
  f: CrowdFrame,
  view: { width: number; height: number; ppm: number },
  dpr: number,
  zone: ZoneInfo,
): SpriteFrame {
  const cam = new Camera();
  cam.width = view.width;
  cam.height = view.height;
  cam.ppm = view.ppm;
  cam.follow(f.selfPos);
  const under: Placed[] = [];
  const origin = art.background.origin;
  // whole device pixels: a pixel-aligned copy is a plain blit, a fractional one is
  // filtered (measured: ~2 ms a frame less at either size)
  const snap = (px: number) => Math.round(px * dpr) / dpr;
  const v = cam.view();
  const bg = { x: snap((v.x0 - origin.x) * view.ppm), y: snap((v.y0 - origin.y) * view.ppm) };

  const s = art.shapes;
  for (const t of f.telegraphs) {
    const a = t.area;
    const x = cam.sx(a.x);
    const y = cam.sy(a.y);
    const r = a.r * view.ppm;
    if (a.shape === 'circle') {
      under.push(put(s.disc, x, y, 1, r / s.disc.ax));
      under.push(put(s.discFill, x, y, 1, (r * t.progress) / s.discFill.ax));
    } else {
      const len = a.len * view.ppm;
      under.push({ ...put(s.band, x, y, 1, 1, a.dir), w: len, h: r * 2 });
      under.push({ ...put(s.bandFill, x, y, 1, 1, a.dir), w: len * t.progress, h: r * 2 });
    }
  }

  const figures = f.others.map((e, i) => ({ e, walk: f.walk[i] ?? 0 }));
  figures.sort((a, b) => Number(!!b.e.dead) - Number(!!a.e.dead) || a.e.y - b.e.y);
  const requests: PlateRequest<number>[] = [];
  const plateOf = new Map<number, { e: DrawnEntity; sprite: Sprite }>();
  const dist = (p: Vec2) => Math.hypot(p.x - f.selfPos.x, p.y - f.selfPos.y);
  const figure = (e: DrawnEntity, sprite: Sprite | undefined, priority: number) => {
    if (!sprite) return;
    const x = cam.sx(e.x);
    const y = cam.sy(e.y);
    under.push(put(sprite, x, y));
    if (e.hitAgo !== undefined && e.hitAgo < HIT_FLASH_MS && !e.dead)
      under.push({ ...put(sprite, x, y, 0.7 * (1 - e.hitAgo / HIT_FLASH_MS)), add: true });
    const plate = art.plates.get(e.eid);
    if (!plate || e.dead) return;
    const { w, h } = plate.sprite;
    plateOf.set(e.eid, { e, sprite: plate.sprite });
    requests.push({ key: e.eid, cx: x, y: y + plate.dy, w, h, priority, order: dist(e) });
  };
  for (const { e, walk } of figures) {
    const priority =
      e.eid === f.targetEid
        ? PLATE_PRIORITY.target
        : e.kind === 'player'
          ? PLATE_PRIORITY.player
          : e.disposition !== 'neutral' && dist(e) <= HOSTILE_NEAR_M
            ? PLATE_PRIORITY.hostileNear
            : PLATE_PRIORITY.other;
    figure(e, art.looks.get(lookOf(e))?.[walk], priority);
  }
  const turn = Math.atan2(f.heading.y, f.heading.x) / (Math.PI * 2);
  const heading = ((Math.round(turn * WALK_FRAMES) % WALK_FRAMES) + WALK_FRAMES) % WALK_FRAMES;
  figure(f.self, art.looks.get('self')?.[heading], PLATE_PRIORITY.self);

  const laid = layoutPlates(requests, {
    maxLift: PLATE_MAX_LIFT,
    blockers: [selfBody(cam, f.self)],
  });
  const barsOut: Bar[] = [];
  for (const p of laid.placed) {
    const plate = plateOf.get(p.key);
    if (!plate) continue;
    const cx = (p.x0 + p.x1) / 2;
    under.push(put(plate.sprite, cx, p.y0 + plate.sprite.h));
    bars(plate.e, cx, p.y0, barsOut);
  }

  const at = new Map<number, Vec2>(f.others.map((o) => [o.eid, o]));
  at.set(f.self.eid, f.selfPos);
  const texts: Placed[] = [];
  f.texts.forEach((t, i) => {
    const sprite = art.texts.get(`t${i}`);
    const p = (t.anchor && at.get(t.anchor)) || t.pos;
    if (!sprite) return;
    const lift = t.kind === 'effect' ? 24 : 46;
    const k = t.kind === 'crit' ? t.scale / 1.6 : 1;
    texts.push(put(sprite, cam.sx(p.x) + t.dx, cam.sy(p.y) - lift - t.rise, t.alpha, k));
  });

  const map = minimapRect(view.width, view.height);
  const km = map.size / Math.max(zone.width, zone.height);
  const dots: Bar[] = [];
  for (const o of f.others)
    if (!o.dead)
      dots.push({
        x: map.x + o.x * km - 1.5,
        y: map.y + o.y * km - 1.5,
        w: 3,
        h: 3,
        color: entityColor(o),
      });
  dots.push({
    x: map.x + f.selfPos.x * km - 2,
    y: map.y + f.selfPos.y * km - 2,
    w: 4,
    h: 4,
    color: C.yellow,
  });
  return { bg, under, bars: barsOut, texts, dots };
}
