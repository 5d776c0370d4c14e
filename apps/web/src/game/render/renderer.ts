/** Draws one frame of the world onto the game canvas (2D), sized to its CSS box. */
import type { Vec2 } from '@necp/shared';
import type { MapContact } from '../world/contacts';
import type { WorldState } from '../world/world-state';
import { Camera } from './camera';
import { buildLots, type Lot } from './city-layout';
import type { LiveText } from '../combat/floating-text';
import { drawAreaLabels, drawAreas } from './draw-areas';
import { drawBuildings } from './draw-buildings';
import { drawContacts, drawQuestMarkers, type DrawnContact } from './draw-contacts';
import { drawOther, drawSelf, drawTargetRing, type DrawnEntity } from './draw-entities';
import { drawFloatingTexts } from './draw-floating-text';
import { drawGround } from './draw-ground';
import { PlateLayout, drawCrates, drawDrops, type DrawnDrop } from './draw-loot';
import { drawSpawnMarkers } from './draw-markers';
import { drawMinimap } from './draw-minimap';
import { C, FONT_DISPLAY } from './palette';

/** Everything that moves or changes, for one frame. */
export interface Scene {
  selfPos: Vec2;
  self: DrawnEntity;
  others: DrawnEntity[];
  drops: DrawnDrop[];
  /** drop/crate in reach (highlighted) */
  reachEid: number | null;
  targetEid: number | null;
  texts: LiveText[];
  /** contacts in view, with their quest markers */
  contacts: DrawnContact[];
  /** every contact of the zone for the minimap (from content) */
  mapContacts: MapContact[];
}

export class Renderer {
  private ctx: CanvasRenderingContext2D;
  private cam = new Camera();
  private dpr = 1;
  private lots: { zoneId: string; lots: Lot[]; flat: boolean } | null = null;
  private plates = new PlateLayout();

  constructor(private canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('Canvas 2D is not available');
    this.ctx = ctx;
  }

  /** Match the backing store to the element's size × devicePixelRatio (crisp on HiDPI). */
  private fit() {
    const dpr = Math.min(window.devicePixelRatio || 1, 2);
    const w = this.canvas.clientWidth;
    const h = this.canvas.clientHeight;
    if (
      this.canvas.width !== Math.round(w * dpr) ||
      this.canvas.height !== Math.round(h * dpr) ||
      dpr !== this.dpr
    ) {
      this.canvas.width = Math.round(w * dpr);
      this.canvas.height = Math.round(h * dpr);
      this.dpr = dpr;
    }
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.cam.resize(w, h);
  }

  /** Nothing to show yet (connecting): an empty void with a line of text. */
  drawIdle(text: string) {
    this.fit();
    const { ctx, cam } = this;
    ctx.fillStyle = C.void;
    ctx.fillRect(0, 0, cam.width, cam.height);
    ctx.fillStyle = C.cyan;
    ctx.font = `700 16px ${FONT_DISPLAY}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(text.toUpperCase(), cam.width / 2, cam.height / 2);
  }

  /** Screen (CSS pixels inside the canvas) → world metres, for clicks on the map. */
  toWorld(sx: number, sy: number): Vec2 {
    const { cam } = this;
    return {
      x: (sx - cam.width / 2) / cam.ppm + cam.center.x,
      y: (sy - cam.height / 2) / cam.ppm + cam.center.y,
    };
  }

  /** Whether a world point is on screen (Tab only cycles what you can see). */
  inView(p: Vec2): boolean {
    const v = this.cam.view();
    return p.x >= v.x0 && p.x <= v.x1 && p.y >= v.y0 && p.y <= v.y1;
  }

  /** Pixels per metre of the current view (click tolerance). */
  get ppm() {
    return this.cam.ppm;
  }

  draw(world: WorldState, scene: Scene, now: number) {
    this.fit();
    const { ctx, cam } = this;
    const obstacles = world.zone.obstacles ?? [];
    if (this.lots?.zoneId !== world.zone.id) {
      // with real buildings the generated lots are only open ground between them
      const lots = buildLots(world.zone).filter((l) => !obstacles.some((o) => overlaps(l, o)));
      this.lots = { zoneId: world.zone.id, lots, flat: obstacles.length > 0 };
    }
    cam.follow(scene.selfPos);
    drawGround(ctx, cam, world.zone, this.lots.lots, now, this.lots.flat);
    drawAreas(ctx, cam, world.zone);
    drawSpawnMarkers(ctx, cam, world.zone, now);
    // buildings under everything that moves: a name plate must never hide behind a roof
    drawBuildings(ctx, cam, obstacles, now);
    drawAreaLabels(ctx, cam, world.zone);
    this.plates.reset();
    drawCrates(ctx, cam, world.crates.values(), scene.reachEid, this.plates, now);
    drawDrops(ctx, cam, scene.drops, scene.reachEid, this.plates, now);
    drawContacts(ctx, cam, scene.contacts, now);
    const v = cam.view(4);
    const inView = scene.others.filter(
      (o) => o.x >= v.x0 && o.x <= v.x1 && o.y >= v.y0 && o.y <= v.y1,
    );
    const target = scene.others.find((o) => o.eid === scene.targetEid);
    if (target) drawTargetRing(ctx, cam, target, now);
    // corpses under the living; then north to south so nearer ones overlap
    inView.sort((a, b) => Number(!!b.dead) - Number(!!a.dead) || a.y - b.y);
    for (const o of inView) drawOther(ctx, cam, o);
    drawSelf(ctx, cam, scene.self, world.heading, now);
    drawQuestMarkers(ctx, cam, scene.contacts, now);
    const at = new Map<number, Vec2>(inView.map((o) => [o.eid, o]));
    at.set(scene.self.eid, scene.selfPos);
    drawFloatingTexts(ctx, cam, scene.texts, (eid) => at.get(eid) ?? null);
    drawVignette(ctx, cam);
    drawMinimap(ctx, cam, world.zone, scene.selfPos, scene.others, scene.mapContacts, this.dpr);
  }
}

const overlaps = (
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
) => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;

/** Darkened edges focus the eye on the centre (and hide the hard canvas border). */
function drawVignette(ctx: CanvasRenderingContext2D, cam: Camera) {
  const g = ctx.createRadialGradient(
    cam.width / 2,
    cam.height / 2,
    Math.min(cam.width, cam.height) * 0.35,
    cam.width / 2,
    cam.height / 2,
    Math.max(cam.width, cam.height) * 0.75,
  );
  g.addColorStop(0, 'rgba(0,0,0,0)');
  g.addColorStop(1, 'rgba(0,0,0,0.55)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, cam.width, cam.height);
}
