/**
 * Characters on the street: players as cyan markers (red: the other arena team), NPCs coloured by how they
 * relate to you (hostile red, neutral yellow) and framed by rank (elite, boss),
 * corpses greyed and fallen, the own character distinct. Every living one carries
 * a name plate ([TAG] Name and level, a player's title under it) and a health bar
 * over its head; the current target gets a ring.
 */
import type { NpcDisposition, NpcRank } from '@necp/shared';
import type { Camera } from './camera';
import { C, FONT_MONO } from './palette';

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

const radiusOf = (cam: Camera, e: DrawnEntity) => {
  const base = Math.max(6, cam.ppm * 0.55);
  return e.rank === 'boss' ? base * 1.5 : e.rank === 'elite' ? base * 1.2 : base;
};

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

/** The plate of a fighter whose text baseline would sit at y (bars below it). */
function tagJob(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  e: DrawnEntity,
  color: string,
): PlateJob {
  ctx.font = `600 12px ${FONT_MONO}`;
  const badge = plateBadge(e);
  let w = Math.max(ctx.measureText(`${badge}${e.name}  ${e.level}`).width + 10, barWidth(e) + 2);
  const th = titleHeight(e);
  const sub = subLine(e);
  if (sub) {
    ctx.font = TITLE_FONT;
    w = Math.max(w, ctx.measureText(sub.text).width + 10);
  }
  const casting = e.cast !== null && e.cast !== undefined;
  const h = (e.dead ? 18 : casting ? 32 : 26) + th;
  // the title line goes between the name and the bars: the plate grows upwards
  return {
    cx: x,
    y: y - 18 - th,
    w: w + 2,
    h,
    draw: (c, cx, top) => nameTag(c, cx, top + 18, e, color),
  };
}

function nameTag(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  e: DrawnEntity,
  color: string,
) {
  ctx.font = `600 12px ${FONT_MONO}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  const badge = plateBadge(e);
  const text = `${badge}${e.name}  ${e.level}`;
  const w = ctx.measureText(text).width + 10;
  ctx.fillStyle = 'rgba(5, 6, 11, 0.75)';
  ctx.fillRect(x - w / 2, y - 17, w, 16);
  if (e.rank === 'elite' || e.rank === 'boss') {
    // rank frame around the plate
    ctx.strokeStyle = GOLD;
    ctx.lineWidth = e.rank === 'boss' ? 2 : 1;
    ctx.strokeRect(x - w / 2 - 0.5, y - 17.5, w + 1, 17);
  }
  ctx.fillStyle = e.dead || e.disconnected ? C.muted : color;
  ctx.fillText(text, x, y - 3);
  if (e.dead) return;
  const th = titleHeight(e);
  const sub = subLine(e);
  if (sub) {
    ctx.font = TITLE_FONT;
    const tw = ctx.measureText(sub.text).width + 10;
    ctx.fillStyle = 'rgba(5, 6, 11, 0.75)';
    ctx.fillRect(x - tw / 2, y - 1, tw, th);
    ctx.fillStyle = sub.color;
    ctx.fillText(sub.text, x, y + th - 2);
  }
  const by = y + th;
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
  const x = cam.sx(e.x);
  const y = cam.sy(e.y);
  const r = radiusOf(cam, e) * 1.9;
  const color = e.kind === 'player' && !isHostile(e) ? C.green : entityColor(e);
  ctx.save();
  ctx.translate(x, y);
  ctx.scale(1, 0.6); // lying on the ground
  ctx.strokeStyle = color;
  ctx.shadowColor = color;
  ctx.shadowBlur = 12;
  ctx.lineWidth = 3;
  ctx.setLineDash([r * 0.5, r * 0.28]);
  ctx.lineDashOffset = -now / 40;
  ctx.beginPath();
  ctx.arc(0, r * 0.35, r, 0, Math.PI * 2);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.globalAlpha = 0.18;
  ctx.fillStyle = color;
  ctx.fill();
  ctx.restore();
}

function drawCorpse(ctx: CanvasRenderingContext2D, x: number, y: number, r: number) {
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate(-0.35);
  ctx.fillStyle = 'rgba(90, 96, 120, 0.55)';
  ctx.beginPath();
  ctx.ellipse(0, 0, r * 1.25, r * 0.55, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = 'rgba(255, 59, 92, 0.55)';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(-r * 0.4, -r * 0.3);
  ctx.lineTo(r * 0.4, r * 0.3);
  ctx.moveTo(r * 0.4, -r * 0.3);
  ctx.lineTo(-r * 0.4, r * 0.3);
  ctx.stroke();
  ctx.restore();
}

/** Draws the figure; returns its plate for the plate pass (none on a corpse). */
export function drawOther(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  e: DrawnEntity,
): PlateJob | null {
  const x = cam.sx(e.x);
  const y = cam.sy(e.y);
  const r = radiusOf(cam, e);
  const color = entityColor(e);
  if (e.dead) {
    // no plate on a corpse: it would clutter the fight around it (the target frame names it)
    drawCorpse(ctx, x, y, r);
    return null;
  }
  ctx.save();
  if (e.disconnected) ctx.globalAlpha = DISCONNECTED_ALPHA;
  if (e.rank === 'elite' || e.rank === 'boss') {
    // rank frame: a golden ring (two for a boss) with spikes
    ctx.strokeStyle = GOLD;
    ctx.shadowColor = GOLD;
    ctx.shadowBlur = 10;
    ctx.lineWidth = 2;
    const rings = e.rank === 'boss' ? [1.45, 1.75] : [1.45];
    for (const k of rings) {
      ctx.beginPath();
      ctx.arc(x, y, r * k, 0, Math.PI * 2);
      ctx.stroke();
    }
    const spikes = e.rank === 'boss' ? 8 : 4;
    ctx.fillStyle = GOLD;
    for (let i = 0; i < spikes; i++) {
      const a = (i / spikes) * Math.PI * 2 - Math.PI / 2;
      const o = r * (rings.at(-1)! + 0.05);
      ctx.beginPath();
      ctx.moveTo(x + Math.cos(a) * (o + r * 0.45), y + Math.sin(a) * (o + r * 0.45));
      ctx.lineTo(x + Math.cos(a + 0.18) * o, y + Math.sin(a + 0.18) * o);
      ctx.lineTo(x + Math.cos(a - 0.18) * o, y + Math.sin(a - 0.18) * o);
      ctx.closePath();
      ctx.fill();
    }
  }
  ctx.shadowColor = color;
  ctx.shadowBlur = 14;
  ctx.fillStyle = color;
  ctx.beginPath();
  if (e.kind === 'npc') {
    // NPCs are hexagons: tell them from players at a glance
    for (let i = 0; i < 6; i++) {
      const a = (i / 6) * Math.PI * 2 + Math.PI / 6;
      const px = x + Math.cos(a) * r * 1.08;
      const py = y + Math.sin(a) * r * 1.08;
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.closePath();
  } else ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.shadowBlur = 0;
  ctx.fillStyle = 'rgba(5, 6, 11, 0.9)';
  ctx.beginPath();
  ctx.arc(x, y, r * 0.45, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
  const lift = e.rank === 'boss' ? r * 1.9 : e.rank === 'elite' ? r * 1.6 : r;
  return tagJob(ctx, x, y - lift - 14, e, color);
}

/** Screen box of the own figure (plates of others keep off it). */
export function selfBody(cam: Camera, e: DrawnEntity) {
  const x = cam.sx(e.x);
  const y = cam.sy(e.y);
  const r = Math.max(7, cam.ppm * 0.65) * 1.2;
  return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
}

export function drawSelf(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  e: DrawnEntity,
  heading: { x: number; y: number },
  now: number,
): PlateJob {
  const x = cam.sx(e.x);
  const y = cam.sy(e.y);
  const r = Math.max(7, cam.ppm * 0.65);
  if (e.dead) {
    drawCorpse(ctx, x, y, r * 1.1);
    return tagJob(ctx, x, y - r - 8, e, C.yellow);
  }
  const pulse = (Math.sin(now / 300) + 1) / 2;
  ctx.save();
  // pulsing ring
  ctx.strokeStyle = C.magenta;
  ctx.globalAlpha = 0.35 + pulse * 0.4;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(x, y, r * 1.9 + pulse * 2, 0, Math.PI * 2);
  ctx.stroke();
  ctx.globalAlpha = 1;
  // heading chevron
  const a = Math.atan2(heading.y, heading.x);
  ctx.fillStyle = C.magenta;
  ctx.beginPath();
  ctx.moveTo(x + Math.cos(a) * r * 2.6, y + Math.sin(a) * r * 2.6);
  ctx.lineTo(x + Math.cos(a + 0.45) * r * 1.6, y + Math.sin(a + 0.45) * r * 1.6);
  ctx.lineTo(x + Math.cos(a - 0.45) * r * 1.6, y + Math.sin(a - 0.45) * r * 1.6);
  ctx.closePath();
  ctx.fill();
  // body: a yellow diamond
  ctx.shadowColor = C.yellow;
  ctx.shadowBlur = 18;
  ctx.fillStyle = C.yellow;
  ctx.beginPath();
  ctx.moveTo(x, y - r * 1.2);
  ctx.lineTo(x + r * 1.2, y);
  ctx.lineTo(x, y + r * 1.2);
  ctx.lineTo(x - r * 1.2, y);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
  return tagJob(ctx, x, y - r * 2 - 12, e, C.yellow);
}
