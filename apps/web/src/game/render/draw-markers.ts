/** Spawn-point markers: medical centre, bank and mail terminals, metro station, start plaza, NPC areas. */
import { isMetroStation, METRO_RANGE, type ZoneInfo } from '@necp/shared';
import { intersects, type Camera } from './camera';
import { C, FONT_DISPLAY, FONT_MONO } from './palette';

const STYLE: Record<string, { color: string; glyph: string; label: string }> = {
  medical_center: { color: C.red, glyph: '+', label: 'MED' },
  bank_terminal: { color: C.yellow, glyph: '¥', label: 'BANK' },
  mail_terminal: { color: C.cyan, glyph: '@', label: 'MAIL' },
  metro_station: { color: C.violet, glyph: 'M', label: 'METRO' },
  player_start: { color: C.magenta, glyph: '◆', label: 'START' },
  npc_area: { color: C.orange, glyph: '!', label: 'NPC' },
};
const FALLBACK = { color: C.cyan, glyph: '•', label: '' };

export function drawSpawnMarkers(
  ctx: CanvasRenderingContext2D,
  cam: Camera,
  zone: ZoneInfo,
  now: number,
) {
  const v = cam.view(12);
  const r = Math.max(10, cam.ppm * 1.6);
  for (const p of zone.spawnPoints) {
    // crates are entities (drawn by draw-loot, only while in view)
    if (p.kind === 'loot_crate' || !intersects(v, p.x, p.y, 0, 0)) continue;
    const s = STYLE[p.kind] ?? FALLBACK;
    const x = cam.sx(p.x);
    const y = cam.sy(p.y);
    const pulse = (now % 2000) / 2000;

    // a station's ring is where you can ride from (the shared metro rule): the
    // pulse grows out to it and a dashed line marks it, never past it
    const metro = isMetroStation(p);
    const reach = metro ? Math.max(r * 1.2, METRO_RANGE * cam.ppm) : r * 2.2;

    ctx.save();
    if (metro) {
      ctx.globalAlpha = 0.8;
      ctx.strokeStyle = s.color;
      ctx.lineWidth = 2;
      ctx.setLineDash([8, 6]);
      ctx.lineDashOffset = -now / 60;
      ctx.beginPath();
      ctx.arc(x, y, reach, 0, Math.PI * 2);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.globalAlpha = 0.1;
      ctx.fillStyle = s.color;
      ctx.fill();
    }
    // expanding ring
    ctx.globalAlpha = 0.5 * (1 - pulse);
    ctx.strokeStyle = s.color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x, y, r + pulse * (reach - r), 0, Math.PI * 2);
    ctx.stroke();
    // pad
    ctx.globalAlpha = 1;
    ctx.shadowColor = s.color;
    ctx.shadowBlur = 16;
    ctx.fillStyle = 'rgba(5, 6, 11, 0.85)';
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
    ctx.shadowBlur = 0;
    ctx.fillStyle = s.color;
    ctx.font = `700 ${Math.round(r * 1.2)}px ${FONT_MONO}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(s.glyph, x, y + 1);

    // label plate
    ctx.font = `700 12px ${FONT_DISPLAY}`;
    const text = p.name.toUpperCase();
    const tag = s.label;
    const w = Math.max(ctx.measureText(text).width, ctx.measureText(tag).width) + 14;
    const ly = y + r + 8;
    ctx.fillStyle = 'rgba(5, 6, 11, 0.82)';
    ctx.fillRect(x - w / 2, ly, w, 32);
    ctx.fillStyle = s.color;
    ctx.fillRect(x - w / 2, ly, 2, 32);
    ctx.fillText(text, x, ly + 10);
    ctx.font = `10px ${FONT_MONO}`;
    ctx.fillStyle = C.muted;
    ctx.fillText(tag, x, ly + 24);
    ctx.restore();
  }
}
