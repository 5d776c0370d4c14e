/** Draws one frame of the world onto the game canvas (2D), sized to its CSS box. */
import type { Vec2 } from '@necp/shared';
import type { WorldState } from '../world/world-state';
import { Camera } from './camera';
import { buildLots, type Lot } from './city-layout';
import { drawOther, drawSelf, type DrawnEntity } from './draw-entities';
import { drawGround } from './draw-ground';
import { PlateLayout, drawCrates, drawDrops, type DrawnDrop } from './draw-loot';
import { drawSpawnMarkers } from './draw-markers';
import { drawMinimap } from './draw-minimap';
import { C, FONT_DISPLAY } from './palette';

export class Renderer {
  private ctx: CanvasRenderingContext2D;
  private cam = new Camera();
  private dpr = 1;
  private lots: { zoneId: string; lots: Lot[] } | null = null;
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

  /** Pixels per metre of the current view (click tolerance). */
  get ppm() {
    return this.cam.ppm;
  }

  draw(
    world: WorldState,
    selfPos: Vec2,
    others: DrawnEntity[],
    loot: { drops: DrawnDrop[]; reachEid: number | null },
    now: number,
  ) {
    this.fit();
    const { ctx, cam } = this;
    if (this.lots?.zoneId !== world.zone.id)
      this.lots = { zoneId: world.zone.id, lots: buildLots(world.zone) };
    cam.follow(selfPos);
    drawGround(ctx, cam, world.zone, this.lots.lots, now);
    drawSpawnMarkers(ctx, cam, world.zone, now);
    this.plates.reset();
    drawCrates(ctx, cam, world.crates.values(), loot.reachEid, this.plates, now);
    drawDrops(ctx, cam, loot.drops, loot.reachEid, this.plates, now);
    const v = cam.view(4);
    for (const o of others) {
      if (o.x >= v.x0 && o.x <= v.x1 && o.y >= v.y0 && o.y <= v.y1) drawOther(ctx, cam, o);
    }
    const s = world.self;
    drawSelf(
      ctx,
      cam,
      {
        ...selfPos,
        name: s.name,
        level: world.stats.level,
        health: world.stats.health,
        maxHealth: world.stats.maxHealth,
        kind: 'player',
      },
      world.heading,
      now,
    );
    drawVignette(ctx, cam);
    drawMinimap(ctx, cam, world.zone, selfPos, others, this.dpr);
  }
}

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
