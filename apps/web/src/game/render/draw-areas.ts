/**
 * Named zone areas (landmarks) painted faintly on the ground: a dashed circle,
 * a whisper of colour inside and the name in wide letters near its top edge.
 * Entering one shows its banner; this just lets players see where they are.
 */
import type { ZoneInfo } from '@necp/shared';
import { intersects, type Camera } from './camera';
import type { Ctx2D } from './city/surfaces';
import { FONT_DISPLAY } from './palette';

export function drawAreas(ctx: Ctx2D, cam: Camera, zone: ZoneInfo) {
  for (const a of visibleAreas(cam, zone)) {
    const x = cam.sx(a.x);
    const y = cam.sy(a.y);
    const r = a.radius * cam.ppm;
    ctx.save();
    const fill = ctx.createRadialGradient(x, y, r * 0.4, x, y, r);
    fill.addColorStop(0, 'rgba(157, 92, 255, 0)');
    fill.addColorStop(1, 'rgba(157, 92, 255, 0.07)');
    ctx.fillStyle = fill;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = 'rgba(157, 92, 255, 0.28)';
    ctx.lineWidth = 1.5;
    ctx.setLineDash([cam.ppm * 1.2, cam.ppm * 0.8]);
    ctx.stroke();
    ctx.restore();
  }
}

/** The names go over the roofs (drawn after the buildings): an area is often a block of them. */
export function drawAreaLabels(ctx: Ctx2D, cam: Camera, zone: ZoneInfo) {
  const px = Math.round(Math.min(28, Math.max(13, cam.ppm * 1.2)));
  ctx.save();
  ctx.font = `800 ${px}px ${FONT_DISPLAY}`;
  ctx.letterSpacing = `${Math.round(px * 0.35)}px`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillStyle = 'rgba(190, 160, 255, 0.3)';
  for (const a of visibleAreas(cam, zone))
    ctx.fillText(a.name.toUpperCase(), cam.sx(a.x), cam.sy(a.y - a.radius) + cam.ppm * 1.2);
  ctx.restore();
}

const visibleAreas = (cam: Camera, zone: ZoneInfo) => {
  const v = cam.view(2);
  return (zone.areas ?? []).filter((a) =>
    intersects(v, a.x - a.radius, a.y - a.radius, a.radius * 2, a.radius * 2),
  );
};
