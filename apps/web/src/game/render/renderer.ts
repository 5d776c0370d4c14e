/** Draws one frame of the world onto the game canvas (2D), sized to its CSS box. */
import type { Vec2 } from '@necp/shared';
import type { MapContact } from '../world/contacts';
import type { WorldState } from '../world/world-state';
import { Camera } from './camera';
import type { LiveText } from '../combat/floating-text';
import type { LiveTelegraph } from '../combat/telegraphs';
import { drawContacts, drawQuestMarkers, type DrawnContact } from './draw-contacts';
import {
  drawOther,
  drawSelf,
  drawTargetRing,
  selfBody,
  type DrawnEntity,
  type PlateJob,
} from './draw-entities';
import { drawFloatingTexts } from './draw-floating-text';
import { drawGuide } from './draw-guide';
import type { GuideMark } from '../tutorial/guide';
import { drawCrates, drawDrops, type DrawnDrop } from './draw-loot';
import { drawSpawnMarkers } from './draw-markers';
import { drawTelegraphs, prefersReducedMotion } from './draw-telegraphs';
import { drawMinimap } from './draw-minimap';
import { drawPartyArrows, type PartyMarker } from './draw-party';
import { C, FONT_DISPLAY } from './palette';
import { layoutPlates, PLATE_PRIORITY, type PlacedPlate, type PlateRequest } from './plate-layout';
import { FigureMotion } from './art/figure-motion';
import { FigureSprites } from './art/figure-sprites';
import { CityTiles, type CityModel } from './city/city-tiles';
import { drawAntennaLights, drawRain } from './city/city-overlay';
import { districtStyle } from './city/district-style';
import { buildLots } from './city/lots';
import { context2d, makeCanvas, type Canvas2D } from './city/surfaces';
import { displaySettings } from './display-settings';

/** metres: a hostile NPC this close to you gets its plate before contacts */
const HOSTILE_NEAR_M = 15;
/** how far up (px) a plate may move to clear another before it is hidden */
const PLATE_MAX_LIFT = 56;

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
  /** a boss's telegraphed attacks on the ground */
  telegraphs?: LiveTelegraph[];
  /** contacts in view, with their quest markers */
  contacts: DrawnContact[];
  /** every contact of the zone for the minimap (from content) */
  mapContacts: MapContact[];
  /** other party members in this zone: arrows at the edge when off screen, minimap dots */
  party: PartyMarker[];
  /** where the welcome quest's guide points (tutorial/guide.ts), if anywhere */
  guide?: GuideMark | null;
}

export class Renderer {
  private ctx: CanvasRenderingContext2D;
  private cam = new Camera();
  private dpr = 1;
  /** the zone's static city, painted into cached tiles */
  private city: CityModel | null = null;
  private readonly tiles = new CityTiles();
  private vignette: { w: number; h: number; dpr: number; image: Canvas2D } | null = null;
  /** the name plates of the last frame, as laid out (read by the test hook) */
  lastPlates: { placed: PlacedPlate<string>[]; hidden: string[] } = { placed: [], hidden: [] };
  /** the guide mark of the last frame (read by the test hook) */
  lastGuide: GuideMark | null = null;
  /** the city as the last frame drew it (read by the test hook) */
  lastCity: { style: string; rain: boolean; tiles: number } | null = null;
  /** every figure's drawings (art/) and how each moves */
  private readonly sprites = new FigureSprites();
  private readonly motion = new FigureMotion();

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

  /**
   * The plate pass: lays every name plate out so none overlaps another (or a
   * figure's body), hides the least important when there is no room, draws them.
   */
  private drawPlates(
    jobs: (PlateRequest<string> & Pick<PlateJob, 'draw'>)[],
    blockers: ReturnType<typeof selfBody>[],
  ): PlateTops {
    const byKey = new Map(jobs.map((j) => [j.key, j]));
    // a plate keeps off every body but its own figure's (it sits right above it)
    const result = layoutPlates(jobs, { maxLift: PLATE_MAX_LIFT, blockers });
    this.lastPlates = result;
    const tops: PlateTops = new Map();
    for (const p of result.placed) {
      byKey.get(p.key)?.draw(this.ctx, (p.x0 + p.x1) / 2, p.y0);
      if (p.key.startsWith('c')) tops.set(Number(p.key.slice(1)), p.y0);
    }
    return tops;
  }

  /** Darkened edges focus the eye on the centre (and hide the hard canvas border). */
  private drawVignette() {
    const { cam, dpr } = this;
    const v = this.vignette;
    if (!v || v.w !== cam.width || v.h !== cam.height || v.dpr !== dpr) {
      // a full-screen radial gradient is costly in software: made once per size
      const image = makeCanvas(Math.round(cam.width * dpr), Math.round(cam.height * dpr));
      const c = context2d(image);
      c.scale(dpr, dpr);
      const g = c.createRadialGradient(
        cam.width / 2,
        cam.height / 2,
        Math.min(cam.width, cam.height) * 0.35,
        cam.width / 2,
        cam.height / 2,
        Math.max(cam.width, cam.height) * 0.75,
      );
      g.addColorStop(0, 'rgba(0,0,0,0)');
      g.addColorStop(1, 'rgba(0,0,0,0.55)');
      c.fillStyle = g;
      c.fillRect(0, 0, cam.width, cam.height);
      this.vignette = { w: cam.width, h: cam.height, dpr, image };
    }
    this.ctx.drawImage(this.vignette!.image, 0, 0, cam.width, cam.height);
  }

  draw(world: WorldState, scene: Scene, now: number) {
    this.fit();
    const { ctx, cam } = this;
    if (this.city?.zone !== world.zone) {
      const obstacles = world.zone.obstacles ?? [];
      const style = districtStyle(world.zone.id);
      // with real buildings the generated lots are only open ground between them
      const lots = buildLots(world.zone, style.neon).filter(
        (l) => !obstacles.some((o) => overlaps(l, o)),
      );
      this.city = { zone: world.zone, lots, obstacles, style, flatLots: obstacles.length > 0 };
    }
    const city = this.city;
    cam.follow(scene.selfPos);
    // the static city (ground, streets, props, buildings, signs) from cached tiles
    this.tiles.draw(ctx, cam, this.dpr, city);
    drawAntennaLights(ctx, cam, city.obstacles, city.style, now);
    drawSpawnMarkers(ctx, cam, world.zone, now);
    // where not to stand: over the ground and the roofs, under everything that moves
    if (scene.telegraphs?.length)
      drawTelegraphs(ctx, cam, scene.telegraphs, now, prefersReducedMotion());
    const lootPlates = [
      ...drawCrates(ctx, cam, world.crates.values(), scene.reachEid, now),
      ...drawDrops(ctx, cam, scene.drops, scene.reachEid, now),
    ];
    const contactPlates = drawContacts(ctx, cam, scene.contacts, now, this.sprites);
    const v = cam.view(4);
    const inView = scene.others.filter(
      (o) => o.x >= v.x0 && o.x <= v.x1 && o.y >= v.y0 && o.y <= v.y1,
    );
    const target = scene.others.find((o) => o.eid === scene.targetEid);
    if (target) drawTargetRing(ctx, cam, target, now);
    // figures first (corpses under the living, north to south), plates after all of them
    inView.sort((a, b) => Number(!!b.dead) - Number(!!a.dead) || a.y - b.y);
    const jobs: (PlateRequest<string> & Pick<PlateJob, 'draw'>)[] = [];
    const dist = (p: Vec2) => Math.hypot(p.x - scene.selfPos.x, p.y - scene.selfPos.y);
    this.motion.beginFrame();
    for (const o of inView) {
      o.figure = this.motion.state(o.eid, o.x, o.y, !!o.dead, now, actingOf(o));
      const job = drawOther(ctx, cam, o, this.sprites);
      if (!job) continue;
      const priority =
        o.eid === scene.targetEid
          ? PLATE_PRIORITY.target
          : o.kind === 'player'
            ? PLATE_PRIORITY.player
            : o.disposition !== 'neutral' && dist(o) <= HOSTILE_NEAR_M
              ? PLATE_PRIORITY.hostileNear
              : PLATE_PRIORITY.other;
      jobs.push({ ...job, key: `e${o.eid}`, priority, order: dist(o) });
    }
    const self = scene.self;
    self.figure = this.motion.state(self.eid, self.x, self.y, !!self.dead, now, actingOf(self));
    const selfJob = drawSelf(ctx, cam, self, world.heading, now, this.sprites);
    jobs.push({ ...selfJob, key: 'self', priority: PLATE_PRIORITY.self });
    const contactAt = new Map(scene.contacts.map((c) => [c.eid, c]));
    for (const c of contactPlates) {
      const at = contactAt.get(c.eid);
      const order = at ? dist(at) : 0;
      jobs.push({ ...c, key: `c${c.eid}`, priority: PLATE_PRIORITY.contact, order });
    }
    // loot labels join the same pass: they never cover a name plate, nor one another
    for (const l of lootPlates)
      jobs.push({ ...l, priority: PLATE_PRIORITY.loot, order: dist(l.at), shift: 'down' });
    const rain = displaySettings.get().weather && city.style.rain > 0;
    if (rain) drawRain(ctx, cam, city.style.rain, now);
    this.lastCity = { style: city.style.key, rain, tiles: this.tiles.size };
    const plateTops = this.drawPlates(jobs, [
      selfBody(cam, scene.self),
      ...contactPlates.map((c) => c.body),
    ]);
    drawQuestMarkers(ctx, cam, scene.contacts, now, plateTops);
    const at = new Map<number, Vec2>(inView.map((o) => [o.eid, o]));
    at.set(scene.self.eid, scene.selfPos);
    drawFloatingTexts(ctx, cam, scene.texts, (eid) => at.get(eid) ?? null);
    this.drawVignette();
    drawPartyArrows(ctx, cam, scene.selfPos, scene.party);
    this.lastGuide = scene.guide ?? null;
    if (scene.guide) drawGuide(ctx, cam, scene.selfPos, scene.guide, now, prefersReducedMotion());
    drawMinimap(
      ctx,
      cam,
      world.zone,
      scene.selfPos,
      scene.others,
      scene.mapContacts,
      this.dpr,
      scene.party,
      scene.guide ?? null,
    );
  }
}

/** A cast in progress holds the casting pose; otherwise the last act, while it shows. */
const actingOf = (e: DrawnEntity) =>
  e.cast != null ? { ago: 0, act: 'cast' as const } : (e.acting ?? null);

/** contact eid → the top of its plate as placed */
type PlateTops = Map<number, number>;

const overlaps = (
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
) => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;
