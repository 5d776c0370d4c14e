/**
 * Loot on the street: drops as glowing rarity-coloured item markers with a name
 * plate (dimmed while someone else holds the loot rights), crates as hazard-striped
 * boxes. The target in reach gets a pulsing ring. The plates are not drawn here:
 * they are returned as jobs for the renderer's plate pass (plate-layout.ts), which
 * lays them out with every other plate so none overlaps another.
 */
import { rarityColor } from '../items/rarity';
import { templateOf } from '../items/templates';
import type { GroundCrate, GroundDrop } from '../world/interaction';
import { intersects, type Camera } from './camera';
import type { PlateJob } from './draw-entities';
import { C, FONT_DISPLAY, FONT_MONO } from './palette';

export interface DrawnDrop extends GroundDrop {
  locked: boolean;
}

/** A loot plate for the plate pass: 'd<eid>' for drops, 'k<eid>' for crates. */
export interface LootPlateJob extends PlateJob {
  key: string;
  /** world position of the loot (the renderer orders plates by distance to you) */
  at: { x: number; y: number };
}

/** rare and better get a light beam, like every loot game since Diablo */
const BEAM: Record<string, number> = { rare: 0.5, epic: 0.75, legendary: 1 };

function lootPlate(
  ctx: CanvasRenderingContext2D,
  x: number,
  y0: number,
  text: string,
  color: string,
  sub: string | undefined,
  alpha: number,
): PlateJob {
  ctx.font = `700 11px ${FONT_DISPLAY}`;
  const w = Math.max(ctx.measureText(text).width, sub ? ctx.measureText(sub).width : 0) + 12;
  const h = sub ? 28 : 16;
  const draw = (c: CanvasRenderingContext2D, cx: number, y: number) => {
    c.save();
    c.globalAlpha = alpha;
    c.font = `700 11px ${FONT_DISPLAY}`;
    c.textAlign = 'center';
    c.textBaseline = 'middle';
    c.fillStyle = 'rgba(5, 6, 11, 0.82)';
    c.fillRect(cx - w / 2, y, w, h);
    c.fillStyle = color;
    c.fillRect(cx - w / 2, y, w, 1.5);
    c.fillText(text, cx, y + 8.5);
    if (sub) {
      c.font = `9px ${FONT_MONO}`;
      c.fillStyle = C.muted;
      c.fillText(sub, cx, y + 21);
    }
    c.restore();
  };
  return { cx: x, y: y0, w, h, draw };
}

export function drawDrops(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  drops: readonly DrawnDrop[],
  reachEid: number | null,
  now: number,
): LootPlateJob[] {
  const plates: LootPlateJob[] = [];
  const v = cam.view(4);
  const r = Math.max(9, cam.ppm * 0.7);
  // top to bottom, a stable drawing order for a pile
  const sorted = [...drops].sort((a, b) => a.y - b.y || a.x - b.x || a.eid - b.eid);
  for (const d of sorted) {
    if (!intersects(v, d.x, d.y, 0, 0)) continue;
    const x = cam.sx(d.x);
    const y = cam.sy(d.y);
    const color = rarityColor(d.rarity);
    // every drop bobs with its own phase so a pile does not move in lockstep
    const bob = Math.sin(now / 420 + d.eid) * 2;
    ctx.save();
    ctx.globalAlpha = d.locked ? 0.4 : 1;
    const beam = BEAM[d.rarity];
    if (beam && !d.locked) {
      const g = ctx.createLinearGradient(x, y - r * 9, x, y);
      g.addColorStop(0, 'rgba(0,0,0,0)');
      g.addColorStop(1, color);
      ctx.globalAlpha = 0.22 * beam + 0.08 * Math.sin(now / 300);
      ctx.fillStyle = g;
      ctx.fillRect(x - r * 0.45, y - r * 9, r * 0.9, r * 9);
      ctx.globalAlpha = 1;
    }
    // ground glow
    const glow = ctx.createRadialGradient(x, y + r * 0.6, 0, x, y + r * 0.6, r * 2.2);
    glow.addColorStop(0, color);
    glow.addColorStop(1, 'rgba(0,0,0,0)');
    ctx.globalAlpha = d.locked ? 0.12 : 0.3;
    ctx.fillStyle = glow;
    ctx.beginPath();
    ctx.ellipse(x, y + r * 0.6, r * 2.2, r * 0.9, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.globalAlpha = d.locked ? 0.45 : 1;
    // the chip: a rotated square with the item's glyph
    const cy = y - r * 0.4 + bob;
    ctx.shadowColor = color;
    ctx.shadowBlur = d.locked ? 0 : 14;
    ctx.fillStyle = 'rgba(6, 8, 16, 0.92)';
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, cy - r);
    ctx.lineTo(x + r, cy);
    ctx.lineTo(x, cy + r);
    ctx.lineTo(x - r, cy);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
    ctx.shadowBlur = 0;
    ctx.fillStyle = color;
    ctx.font = `700 ${Math.round(r * 0.85)}px ${FONT_MONO}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(templateOf(d.templateId)?.glyph ?? '?', x, cy + 1);
    if (d.locked) {
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.arc(x, cy, r * 1.5, 0, Math.PI * 2);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    if (d.eid === reachEid) reachRing(ctx, x, cy, r * 1.7, color, now);
    const name = d.quantity > 1 ? `${d.name} ×${d.quantity}` : d.name;
    const sub = d.locked ? 'NOT YOURS YET' : undefined;
    const job = lootPlate(ctx, x, y + r + 4, name, color, sub, d.locked ? 0.6 : 1);
    plates.push({ ...job, key: `d${d.eid}`, at: d });
    ctx.restore();
  }
  return plates;
}

export function drawCrates(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  crates: Iterable<GroundCrate>,
  reachEid: number | null,
  now: number,
): LootPlateJob[] {
  const plates: LootPlateJob[] = [];
  const v = cam.view(4);
  const s = Math.max(12, cam.ppm * 1.3);
  for (const c of crates) {
    if (!intersects(v, c.x, c.y, 0, 0)) continue;
    const x = cam.sx(c.x);
    const y = cam.sy(c.y);
    ctx.save();
    ctx.shadowColor = C.yellow;
    ctx.shadowBlur = 12;
    ctx.fillStyle = '#1a1608';
    ctx.fillRect(x - s / 2, y - s / 2, s, s);
    ctx.shadowBlur = 0;
    // hazard stripes across the lid
    ctx.save();
    ctx.beginPath();
    ctx.rect(x - s / 2, y - s / 2, s, s * 0.32);
    ctx.clip();
    ctx.strokeStyle = C.yellow;
    ctx.lineWidth = s * 0.09;
    for (let i = -s; i < s * 1.5; i += s * 0.25) {
      ctx.beginPath();
      ctx.moveTo(x - s / 2 + i, y - s / 2 + s * 0.32);
      ctx.lineTo(x - s / 2 + i + s * 0.32, y - s / 2);
      ctx.stroke();
    }
    ctx.restore();
    ctx.strokeStyle = C.yellow;
    ctx.lineWidth = 2;
    ctx.strokeRect(x - s / 2, y - s / 2, s, s);
    ctx.fillStyle = C.yellow;
    ctx.fillRect(x - s * 0.12, y + s * 0.02, s * 0.24, s * 0.16);
    if (c.eid === reachEid) reachRing(ctx, x, y, s * 0.95, C.yellow, now);
    const job = lootPlate(ctx, x, y + s / 2 + 6, c.name.toUpperCase(), C.yellow, 'SUPPLY CRATE', 1);
    plates.push({ ...job, key: `k${c.eid}`, at: c });
    ctx.restore();
  }
  return plates;
}

function reachRing(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  color: string,
  now: number,
) {
  const pulse = (Math.sin(now / 180) + 1) / 2;
  ctx.save();
  ctx.globalAlpha = 0.5 + pulse * 0.5;
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(x, y, r + pulse * 3, 0, Math.PI * 2);
  ctx.stroke();
  ctx.restore();
}
