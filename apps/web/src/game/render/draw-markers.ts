/** Spawn-point markers: medical centre, bank, mail and auction terminals, metro station, start plaza, NPC areas. */
import { isMetroStation, METRO_RANGE, type ZoneInfo } from '@necp/shared';
import { intersects, type Camera } from './camera';
import { C, FONT_DISPLAY, FONT_MONO } from './palette';

const STYLE: Record<string, { color: string; glyph: string; label: string }> = {
  medical_center: { color: C.red, glyph: '+', label: 'MED' },
  bank_terminal: { color: C.yellow, glyph: '¥', label: 'BANK' },
  mail_terminal: { color: C.cyan, glyph: '@', label: 'MAIL' },
  auction_terminal: { color: C.orange, glyph: '⚖', label: 'EXCHANGE' },
  crafting_station: { color: C.green, glyph: '⚒', label: 'WORKBENCH' },
  metro_station: { color: C.violet, glyph: 'M', label: 'METRO' },
  player_start: { color: C.magenta, glyph: '◆', label: 'START' },
  npc_area: { color: C.orange, glyph: '!', label: 'NPC' },
};
const FALLBACK = { color: C.cyan, glyph: '•', label: '' };
/** service points that are machines on the street: drawn as a kiosk, not a pad */
const TERMINALS = new Set([
  'bank_terminal',
  'mail_terminal',
  'auction_terminal',
  'crafting_station',
]);

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
    ctx.globalAlpha = 1;
    if (TERMINALS.has(p.kind)) drawKiosk(ctx, x, y, r, s.color, s.glyph);
    else {
      // pad
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
    }

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

/**
 * A terminal kiosk seen from above and in front: a dark cabinet, a lit screen with the
 * service's glyph, a keypad shelf, its glow on the pavement. About as tall as a person.
 */
function drawKiosk(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  color: string,
  glyph: string,
) {
  const w = r * 1.5;
  const h = r * 2.1;
  const top = y - h * 0.75;
  ctx.fillStyle = 'rgba(0, 0, 0, 0.45)';
  ctx.beginPath();
  ctx.ellipse(x, y + h * 0.25, w * 0.7, r * 0.3, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.shadowColor = color;
  ctx.shadowBlur = 14;
  ctx.fillStyle = '#141a2a';
  ctx.beginPath();
  ctx.roundRect(x - w / 2, top, w, h, r * 0.2);
  ctx.fill();
  ctx.shadowBlur = 0;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  // the screen
  const sw = w * 0.76;
  const sh = h * 0.46;
  const sy = top + h * 0.1;
  const g = ctx.createLinearGradient(0, sy, 0, sy + sh);
  g.addColorStop(0, color);
  g.addColorStop(1, 'rgba(5, 6, 11, 0.9)');
  ctx.fillStyle = g;
  ctx.fillRect(x - sw / 2, sy, sw, sh);
  ctx.fillStyle = '#05060b';
  ctx.font = `900 ${Math.round(sh * 0.8)}px ${FONT_MONO}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(glyph, x, sy + sh / 2 + 1);
  // the keypad shelf
  ctx.fillStyle = '#2a3148';
  ctx.fillRect(x - w * 0.4, top + h * 0.64, w * 0.8, h * 0.1);
  ctx.fillStyle = color;
  ctx.globalAlpha = 0.7;
  for (let i = 0; i < 3; i++)
    ctx.fillRect(x - w * 0.3 + i * w * 0.22, top + h * 0.66, w * 0.14, h * 0.05);
  ctx.globalAlpha = 1;
}
