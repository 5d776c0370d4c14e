/**
 * Characters on the street: drawn figures (art/: a player's class, an NPC's faction and
 * body, rank by size and trim) glowing in how they relate to you (friends cyan, hostiles
 * red, neutral yellow), corpses greyed and fallen, the own character on a pulsing ring. Every living one carries
 * a name plate ([TAG] Name and level, a player's title under it) and a health bar
 * over its head; the current target gets a ring.
 */
import type { ActSeen } from './art/figure-motion';
import type { NpcDisposition, NpcRank } from '@necp/shared';
import type { Camera } from './camera';
import { C, FONT_MONO } from './palette';
import { figureLook, type LookInput } from './art/figure-look';
import type { FigureSprites, FigureState } from './art/figure-sprites';
import { Stamps, type Stamp } from './stamps';

export interface DrawnEntity {
  eid: number;
  x: number;
  y: number;
  name: string;
  level: number;
  health: number;
  maxHealth: number;
  kind: 'player' | 'npc';
  dead?: boolean;
  rank?: NpcRank;
  /** NPCs: how they relate to you; players: 'hostile' for the other arena team */
  disposition?: NpcDisposition;
  /** 0..1 of a cast in progress (drawn as a thin bar under the plate) */
  cast?: number | null;
  /** players in a guild: its tag, before the name */
  tag?: string;
  /** players showing an achievement title: a smaller line under the name */
  title?: string;
  /** players whose client is gone (the reconnect window): dimmed, "disconnected" under the name */
  disconnected?: boolean;
  /** players: class (the outfit) */
  classId?: string;
  /** players: origin (cap, scarf, collar) */
  origin?: string;
  /** players: the main hand's item template (the weapon drawn) */
  weapon?: string | null;
  /** npcs: content template (faction, body) */
  templateId?: string;
  /** facing and walk frame (art/figure-motion.ts); none: standing, facing the viewer */
  figure?: FigureState;
  /** ms since it was last hit (a white flash for a moment) */
  hitAgo?: number;
  /** its last attack or cast (a pose for a moment); a cast in progress holds the pose */
  acting?: ActSeen | null;
}

/** What stands before the name: an NPC's rank mark, a player's [TAG]. */
const plateBadge = (e: DrawnEntity) =>
  e.rank === 'boss' ? '☠ ' : e.rank === 'elite' ? '★ ' : e.tag ? `[${e.tag}] ` : '';

const BAR_W = 40;
/** the title line under the name: its height, font and colour */
const TITLE_H = 12;
const TITLE_FONT = `italic 500 10px ${FONT_MONO}`;
const TITLE_COLOR = '#d7b8ff';

/** the figure and name of a disconnected player are drawn this faint */
const DISCONNECTED_ALPHA = 0.45;

/** The smaller line under the name: "disconnected" before a title; none on a corpse. */
const subLine = (e: DrawnEntity): { text: string; color: string } | null =>
  e.dead
    ? null
    : e.disconnected
      ? { text: 'disconnected', color: C.orange }
      : e.title
        ? { text: e.title, color: TITLE_COLOR }
        : null;

/** The title line's height on this plate. */
const titleHeight = (e: DrawnEntity) => (subLine(e) ? TITLE_H : 0);

/**
 * A name plate measured but not drawn yet: the renderer lays every plate out
 * (plate-layout.ts) after all figures, then calls `draw` at the placed top.
 */
export interface PlateJob {
  /** centre x and top y where the plate would like to be (screen px) */
  cx: number;
  y: number;
  w: number;
  h: number;
  draw: (ctx: CanvasRenderingContext2D, cx: number, top: number) => void;
}
const GOLD = '#ffc83d';

/** Hostile NPCs (unless labelled neutral) and players of the other arena team. */
export const isHostile = (e: Pick<DrawnEntity, 'kind' | 'disposition'>): boolean =>
  e.kind === 'player' ? e.disposition === 'hostile' : e.disposition !== 'neutral';

/** Body colour: players cyan, hostiles (NPCs, arena enemies) red, neutral NPCs yellow. */
export function entityColor(e: Pick<DrawnEntity, 'kind' | 'disposition'>): string {
  if (isHostile(e)) return C.red;
  return e.kind === 'player' ? C.cyan : C.yellow;
}

const rankScale = (e: DrawnEntity) => (e.rank === 'boss' ? 1.5 : e.rank === 'elite' ? 1.2 : 1);

function healthBar(ctx: CanvasRenderingContext2D, x: number, y: number, e: DrawnEntity) {
  const frac = e.maxHealth > 0 ? Math.max(0, Math.min(1, e.health / e.maxHealth)) : 0;
  const w = barWidth(e);
  ctx.fillStyle = 'rgba(5, 6, 11, 0.85)';
  ctx.fillRect(x - w / 2 - 1, y - 1, w + 2, 7);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.10)';
  ctx.fillRect(x - w / 2, y, w, 5);
  ctx.fillStyle = isHostile(e) ? C.red : frac > 0.5 ? C.green : frac > 0.25 ? C.yellow : C.red;
  ctx.fillRect(x - w / 2, y, w * frac, 5);
  // quarter ticks make a long fight readable
  ctx.fillStyle = 'rgba(5, 6, 11, 0.6)';
  for (let i = 1; i < 4; i++) ctx.fillRect(x - w / 2 + (w * i) / 4, y, 1, 5);
}

const barWidth = (e: DrawnEntity) =>
  e.rank === 'boss' ? BAR_W * 1.6 : e.rank === 'elite' ? BAR_W * 1.25 : BAR_W;

/** px of room round a plate's stamp (the boss frame's stroke reaches out of the box) */
const STAMP_M = 2;
/** name plates' text, drawn once per look (stamps.ts); bars are drawn live */
const plateStamps = new Stamps(400);

/**
 * The plate's text part — the name box (rank frame for elites and bosses) and the
 * title line under it — as a stamp. In the stamp, the name box's bottom sits at
 * y = 17 + STAMP_M: where `y` is on screen.
 */
function plateStamp(ctx: CanvasRenderingContext2D, e: DrawnEntity, color: string): Stamp {
  const text = `${plateBadge(e)}${e.name}  ${e.level}`;
  const sub = e.dead ? null : subLine(e);
  const ink = e.dead || e.disconnected ? C.muted : color;
  const framed = e.rank === 'elite' || e.rank === 'boss' ? e.rank : '';
  const key = `${text}|${ink}|${framed}|${sub?.text ?? ''}|${sub?.color ?? ''}`;
  return plateStamps.get(ctx, key, (m) => {
    m.font = `600 12px ${FONT_MONO}`;
    const w = m.measureText(text).width + 10;
    let tw = 0;
    if (sub) {
      m.font = TITLE_FONT;
      tw = m.measureText(sub.text).width + 10;
    }
    const inner = Math.ceil(Math.max(w, tw));
    const th = sub ? TITLE_H : 0;
    return {
      w: inner + STAMP_M * 2,
      h: 17 + th + STAMP_M * 2,
      paint: (c) => {
        const x = inner / 2 + STAMP_M;
        const y = 17 + STAMP_M;
        c.font = `600 12px ${FONT_MONO}`;
        c.textAlign = 'center';
        c.textBaseline = 'bottom';
        c.fillStyle = 'rgba(5, 6, 11, 0.75)';
        c.fillRect(x - w / 2, y - 17, w, 16);
        if (framed) {
          c.strokeStyle = GOLD;
          c.lineWidth = framed === 'boss' ? 2 : 1;
          c.strokeRect(x - w / 2 - 0.5, y - 17.5, w + 1, 17);
        }
        c.fillStyle = ink;
        c.fillText(text, x, y - 3);
        if (!sub) return;
        c.font = TITLE_FONT;
        c.fillStyle = 'rgba(5, 6, 11, 0.75)';
        c.fillRect(x - tw / 2, y - 1, tw, th);
        c.fillStyle = sub.color;
        c.fillText(sub.text, x, y + th - 2);
      },
    };
  });
}

/** The plate of a fighter whose text baseline would sit at y (bars below it). */
function tagJob(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  e: DrawnEntity,
  color: string,
): PlateJob {
  const stamp = plateStamp(ctx, e, color);
  const w = Math.max(stamp.w - STAMP_M * 2, barWidth(e) + 2);
  const th = titleHeight(e);
  const casting = e.cast !== null && e.cast !== undefined;
  const h = (e.dead ? 18 : casting ? 32 : 26) + th;
  // the title line goes between the name and the bars: the plate grows upwards
  return {
    cx: x,
    y: y - 18 - th,
    w: w + 2,
    h,
    draw: (c, cx, top) => nameTag(c, cx, top + 18, e, stamp),
  };
}

/** The plate's stamp at whole pixels (a copy between pixels is blurred, and costs more), its bars under it. */
function nameTag(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  e: DrawnEntity,
  stamp: Stamp,
) {
  ctx.drawImage(
    stamp.image,
    Math.round(x - stamp.w / 2),
    Math.round(y - 17 - STAMP_M),
    stamp.w,
    stamp.h,
  );
  if (e.dead) return;
  const by = y + titleHeight(e);
  healthBar(ctx, x, by + 2, e);
  if (e.cast !== null && e.cast !== undefined) {
    ctx.fillStyle = 'rgba(5, 6, 11, 0.85)';
    ctx.fillRect(x - BAR_W / 2 - 1, by + 9, BAR_W + 2, 5);
    ctx.fillStyle = C.orange;
    ctx.fillRect(x - BAR_W / 2, by + 10, BAR_W * Math.max(0, Math.min(1, e.cast)), 3);
  }
}

/** The target ring: under the body, slowly turning dashes in the relation's colour. */
export function drawTargetRing(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  e: DrawnEntity,
  now: number,
) {
  const h = figureHeight(cam) * rankScale(e);
  const r = h * 0.42;
  const color = e.kind === 'player' && !isHostile(e) ? C.green : entityColor(e);
  ctx.save();
  // round the feet, lying on the ground
  ctx.translate(cam.sx(e.x), cam.sy(e.y) + h * FEET);
  ctx.scale(1, 0.5);
  ctx.strokeStyle = color;
  ctx.shadowColor = color;
  ctx.shadowBlur = 12;
  ctx.lineWidth = 3;
  ctx.setLineDash([r * 0.5, r * 0.28]);
  ctx.lineDashOffset = -now / 40;
  ctx.beginPath();
  ctx.arc(0, 0, r, 0, Math.PI * 2);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.globalAlpha = 0.18;
  ctx.fillStyle = color;
  ctx.fill();
  ctx.restore();
}

/** a normal figure's height on screen (px): a little larger than life, to read at a glance */
export const figureHeight = (cam: Camera) => Math.max(26, cam.ppm * 3);
/** the feet sit this far (of the height) below the position: the body is centred on it */
export const FEET = 0.35;
/** how long a hit figure flashes */
const HIT_FLASH_MS = 160;

/** Stamps the figure (art/); returns the screen y of the top of its head. */
function drawBody(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  e: DrawnEntity,
  sprites: FigureSprites,
  relation: LookInput['relation'],
): number {
  const h = figureHeight(cam);
  const look = figureLook({
    kind: e.kind,
    classId: e.classId,
    templateId: e.templateId,
    rank: e.rank,
    relation,
    seed: e.name,
    origin: e.origin,
    weapon: e.weapon,
  });
  const x = cam.sx(e.x);
  const feet = cam.sy(e.y) + h * FEET * look.scale;
  const state = e.figure ?? { dir: 'down', phase: null, dead: !!e.dead };
  sprites.draw(ctx, look, state, x, feet, h);
  if (e.hitAgo !== undefined && e.hitAgo < HIT_FLASH_MS && !e.dead) {
    // the same drawing again, added: the figure flashes white for a moment
    ctx.save();
    ctx.globalCompositeOperation = 'lighter';
    ctx.globalAlpha = 0.7 * (1 - e.hitAgo / HIT_FLASH_MS);
    sprites.draw(ctx, look, state, x, feet, h);
    ctx.restore();
  }
  return feet - h * look.scale * (look.rank === 'boss' ? 1.2 : 1.05);
}

/** Draws the figure; returns its plate for the plate pass (none on a corpse). */
export function drawOther(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  e: DrawnEntity,
  sprites: FigureSprites,
): PlateJob | null {
  const color = entityColor(e);
  ctx.save();
  if (e.disconnected) ctx.globalAlpha = DISCONNECTED_ALPHA;
  const relation = isHostile(e) ? 'hostile' : e.kind === 'player' ? 'friend' : 'neutral';
  const top = drawBody(ctx, cam, e, sprites, relation);
  ctx.restore();
  // no plate on a corpse: it would clutter the fight around it (the target frame names it)
  if (e.dead) return null;
  return tagJob(ctx, cam.sx(e.x), top - 4, e, color);
}

/** Screen box of the own figure (plates of others keep off it). */
export function selfBody(cam: Camera, e: DrawnEntity) {
  const h = figureHeight(cam);
  const x = cam.sx(e.x);
  const feet = cam.sy(e.y) + h * FEET;
  return { x0: x - h * 0.32, y0: feet - h * 1.05, x1: x + h * 0.32, y1: feet };
}

export function drawSelf(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  e: DrawnEntity,
  heading: { x: number; y: number },
  now: number,
  sprites: FigureSprites,
): PlateJob {
  const x = cam.sx(e.x);
  const y = cam.sy(e.y);
  const h = figureHeight(cam);
  const r = h * 0.32;
  if (!e.dead) {
    const pulse = (Math.sin(now / 300) + 1) / 2;
    ctx.save();
    // a pulsing ring on the ground and the heading's chevron: where you are, at a glance
    ctx.translate(x, y + h * FEET);
    ctx.scale(1, 0.45);
    ctx.strokeStyle = C.magenta;
    ctx.globalAlpha = 0.35 + pulse * 0.4;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(0, 0, r * 1.9 + pulse * 2, 0, Math.PI * 2);
    ctx.stroke();
    ctx.globalAlpha = 1;
    const a = Math.atan2(heading.y, heading.x);
    ctx.fillStyle = C.magenta;
    ctx.beginPath();
    ctx.moveTo(Math.cos(a) * r * 2.9, Math.sin(a) * r * 2.9);
    ctx.lineTo(Math.cos(a + 0.3) * r * 2.2, Math.sin(a + 0.3) * r * 2.2);
    ctx.lineTo(Math.cos(a - 0.3) * r * 2.2, Math.sin(a - 0.3) * r * 2.2);
    ctx.closePath();
    ctx.fill();
    ctx.restore();
  }
  const top = drawBody(ctx, cam, e, sprites, 'self');
  return tagJob(ctx, x, top - 4, e, C.yellow);
}
