/**
 * Party members on the map: off screen, a green arrow at the edge of the view
 * pointing at each (with the name and distance); on the minimap, green dots with a
 * ring (drawn by draw-minimap over the others).
 */
import type { Vec2 } from '@necp/shared';
import type { Camera } from './camera';
import { C, FONT_DISPLAY } from './palette';

export interface PartyMarker {
  name: string;
  x: number;
  y: number;
}

/** pixels kept between an arrow and the edge of the screen */
const EDGE = 46;

/**
 * Where the arrow of a member off screen goes: the point where the line from the
 * screen's centre towards it leaves a rectangle `EDGE` inside the screen, and the
 * angle it points at. Null when the member is on screen.
 */
export function edgeArrow(
  cam: Pick<Camera, 'width' | 'height' | 'sx' | 'sy'>,
  p: Vec2,
): { x: number; y: number; angle: number } | null {
  const px = cam.sx(p.x);
  const py = cam.sy(p.y);
  if (px >= 0 && px <= cam.width && py >= 0 && py <= cam.height) return null;
  const cx = cam.width / 2;
  const cy = cam.height / 2;
  const dx = px - cx;
  const dy = py - cy;
  const hw = Math.max(1, cx - EDGE);
  const hh = Math.max(1, cy - EDGE);
  const t = Math.min(hw / Math.abs(dx || 1e-9), hh / Math.abs(dy || 1e-9));
  return { x: cx + dx * t, y: cy + dy * t, angle: Math.atan2(dy, dx) };
}

export function drawPartyArrows(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  self: Vec2,
  party: readonly PartyMarker[],
) {
  if (party.length === 0) return;
  ctx.save();
  ctx.font = `700 11px ${FONT_DISPLAY}`;
  ctx.textAlign = 'center';
  for (const m of party) {
    const a = edgeArrow(cam, m);
    if (!a) continue;
    ctx.save();
    ctx.translate(a.x, a.y);
    ctx.rotate(a.angle);
    ctx.fillStyle = C.green;
    ctx.shadowColor = C.green;
    ctx.shadowBlur = 10;
    ctx.beginPath();
    ctx.moveTo(12, 0);
    ctx.lineTo(-6, -8);
    ctx.lineTo(-2, 0);
    ctx.lineTo(-6, 8);
    ctx.closePath();
    ctx.fill();
    ctx.restore();
    const metres = Math.round(Math.hypot(m.x - self.x, m.y - self.y));
    // the label sits on the screen side of the arrow
    const ly = a.y + (Math.sin(a.angle) > 0 ? -16 : 22);
    ctx.fillStyle = 'rgba(4, 6, 12, 0.75)';
    const label = `${m.name} ${metres} m`;
    const w = ctx.measureText(label).width + 8;
    ctx.fillRect(a.x - w / 2, ly - 11, w, 15);
    ctx.fillStyle = C.green;
    ctx.fillText(label, a.x, ly);
  }
  ctx.restore();
}

/** Party members on the minimap (`k`: pixels per metre; `ox`, `oy`: its corner). */
export function drawMinimapParty(
  ctx: CanvasRenderingContext2D,
  ox: number,
  oy: number,
  k: number,
  party: readonly PartyMarker[],
) {
  ctx.save();
  for (const m of party) {
    ctx.fillStyle = C.green;
    ctx.strokeStyle = 'rgba(4, 6, 12, 0.9)';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(ox + m.x * k, oy + m.y * k, 3.2, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}
