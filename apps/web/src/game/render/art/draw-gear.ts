/**
 * What a figure carries and wears over its outfit: the weapon in its hand by kind
 * (weapon-kind.ts) and its origin's mark — a street kid's cap, a nomad's scarf and
 * hat brim, a corpo's collar and tie. Drawn with the figure into its sprite.
 */
import type { OriginMark } from './figure-look';
import type { Act, Facing } from './pose';
import type { WeaponKind } from './weapon-kind';

/** long guns: [length, thickness] as parts of the figure's height */
const GUNS: Partial<Record<WeaponKind, readonly [number, number]>> = {
  pistol: [0.16, 0.05],
  smg: [0.26, 0.06],
  rifle: [0.42, 0.055],
  tech: [0.4, 0.07],
  sniper: [0.55, 0.045],
  shotgun: [0.38, 0.075],
  launcher: [0.44, 0.11],
};

export function drawWeapon(
  c: CanvasRenderingContext2D,
  kind: WeaponKind,
  facing: Facing,
  h: number,
  w: number,
  trim: string,
) {
  const side = facing === 'side';
  // the right hand: in front when seen from the side, at the body's edge otherwise
  const hx = side ? h * 0.1 : w / 2 + h * 0.02;
  const hy = -h * 0.42;
  c.save();
  const gun = GUNS[kind];
  if (gun) {
    const [len, thick] = gun;
    c.fillStyle = kind === 'launcher' ? '#3a4030' : '#1b2029';
    if (side) {
      // held level, pointing the way it faces
      c.fillRect(hx - h * 0.04, hy - h * 0.12, h * len, h * thick);
      c.fillStyle = trim;
      c.fillRect(hx - h * 0.04 + h * len - h * 0.04, hy - h * 0.12, h * 0.04, h * thick * 0.5);
      if (kind === 'smg' || kind === 'rifle') {
        c.fillStyle = '#1b2029';
        c.fillRect(hx + h * 0.06, hy - h * 0.12 + h * thick, h * 0.04, h * 0.07); // magazine
      }
      if (kind === 'sniper') {
        c.fillStyle = '#0c0f14';
        c.fillRect(hx + h * 0.1, hy - h * 0.15, h * 0.14, h * 0.03); // scope
      }
    } else {
      // held down along the leg (front) or across the back (facing away)
      const up = facing === 'up';
      const x = up ? -w * 0.4 : hx - (h * thick) / 2;
      c.save();
      if (up) {
        c.translate(x, -h * 0.78);
        c.rotate(Math.PI / 5);
        c.fillRect(0, 0, h * thick, h * len);
      } else c.fillRect(x, hy - h * 0.05, h * thick, h * len);
      c.restore();
      if (!up) {
        c.fillStyle = trim;
        c.fillRect(x, hy - h * 0.05 + h * len - h * 0.03, h * thick, h * 0.03);
      }
    }
  } else if (kind === 'blade' || kind === 'katana') {
    const len = kind === 'katana' ? 0.48 : 0.2;
    c.strokeStyle = kind === 'katana' ? '#e6eef5' : '#c9d3dc';
    c.shadowColor = trim;
    c.shadowBlur = kind === 'katana' ? h * 0.12 : 0;
    c.lineWidth = Math.max(1.2, h * 0.03);
    c.beginPath();
    c.moveTo(hx, hy);
    if (side) c.lineTo(hx + h * len, hy - h * len * 0.3);
    else c.lineTo(hx + h * 0.06, hy + h * len * (facing === 'up' ? -1 : 1) * 0.9);
    c.stroke();
  } else if (kind === 'blunt') {
    c.fillStyle = '#5b5f6a';
    c.save();
    c.translate(hx, hy);
    c.rotate(side ? -Math.PI / 2.6 : 0.15);
    c.fillRect(-h * 0.025, 0, h * 0.05, h * 0.3);
    c.fillStyle = '#7d838f';
    c.fillRect(-h * 0.045, h * 0.22, h * 0.09, h * 0.1);
    c.restore();
  }
  c.restore();
}

export function drawOriginMark(
  c: CanvasRenderingContext2D,
  origin: OriginMark,
  facing: Facing,
  h: number,
  trim: string,
) {
  const r = h * 0.12;
  const y = -h * 0.9;
  c.save();
  switch (origin) {
    case 'streetkid':
      // a cap in the trim's colour, its peak forward
      c.fillStyle = trim;
      c.beginPath();
      c.arc(0, y - r * 0.2, r * 1.02, Math.PI, Math.PI * 2);
      c.fill();
      if (facing !== 'up') {
        c.fillRect(
          facing === 'side' ? 0 : -r * 0.8,
          y - r * 0.3,
          r * (facing === 'side' ? 1.5 : 1.6),
          r * 0.25,
        );
      }
      break;
    case 'nomad':
      // a dusty scarf round the neck and a wide hat brim
      c.fillStyle = '#a0703c';
      c.fillRect(-r * 1.1, -h * 0.8, r * 2.2, r * 0.55);
      c.fillStyle = '#5a4028';
      c.beginPath();
      c.ellipse(0, y - r * 0.55, r * 1.7, r * 0.4, 0, 0, Math.PI * 2);
      c.fill();
      c.fillRect(-r * 0.8, y - r * 1.2, r * 1.6, r * 0.7);
      break;
    case 'corpo':
      // a white collar and a slim tie; slicked hair's shine
      if (facing !== 'up') {
        c.fillStyle = '#eef1f6';
        c.fillRect(-r * 0.6, -h * 0.8, r * 1.2, r * 0.35);
        c.fillStyle = trim;
        c.fillRect(-r * 0.12, -h * 0.78, r * 0.24, h * 0.16);
      }
      c.fillStyle = 'rgba(255, 255, 255, 0.35)';
      c.fillRect(-r * 0.5, y - r * 0.95, r, r * 0.18);
      break;
  }
  c.restore();
}

const MELEE = new Set<WeaponKind>(['blade', 'katana', 'blunt']);
/** a mend's cross: the medics' green */
const MEND = '#3dff8f';

/**
 * The moment of an act over the figure: a cast lifts a glowing orb of its trim between
 * raised hands, ringed with bits of code; a mend holds up a glowing green cross; an attack with a gun flashes at the muzzle, with a blade, a club, claws
 * or fists it leaves a swept arc. Whether a weapon shoots or swings is its kind's.
 */
export function drawAct(
  c: CanvasRenderingContext2D,
  act: Act,
  look: { weapon: WeaponKind | null; accessory: string | null; trim: string },
  facing: Facing,
  h: number,
  w: number,
) {
  c.save();
  const side = facing === 'side';
  if (act === 'cast' || act === 'mend') {
    const y = -h * 1.12;
    const glow = act === 'mend' ? MEND : look.trim;
    c.strokeStyle = glow;
    c.lineWidth = Math.max(1.5, h * 0.05);
    c.beginPath();
    for (const s of side ? [1] : [-1, 1]) {
      c.moveTo(s * (w / 2), -h * 0.72);
      c.lineTo(s * w * 0.3, y + h * 0.1);
    }
    c.stroke();
    c.shadowColor = glow;
    c.shadowBlur = h * 0.35;
    c.fillStyle = glow;
    if (act === 'mend') {
      // a medical cross, white at its heart
      const a = h * 0.11;
      const b = h * 0.035;
      c.fillRect(-a, y - b, a * 2, b * 2);
      c.fillRect(-b, y - a, b * 2, a * 2);
      c.fillStyle = '#ffffff';
      c.fillRect(-a * 0.5, y - b * 0.45, a, b * 0.9);
      c.fillRect(-b * 0.45, y - a * 0.5, b * 0.9, a);
    } else {
      c.beginPath();
      c.arc(0, y, h * 0.09, 0, Math.PI * 2);
      c.fill();
      // bits of code round the orb: a hack, not a heal
      for (let i = 0; i < 6; i++) {
        const t = (i / 6) * Math.PI * 2;
        const r = h * 0.16;
        const s = h * (i % 2 ? 0.025 : 0.035);
        c.fillRect(Math.cos(t) * r - s / 2, y + Math.sin(t) * r * 0.6 - s / 2, s, s);
      }
      c.fillStyle = '#ffffff';
      c.beginPath();
      c.arc(0, y, h * 0.04, 0, Math.PI * 2);
      c.fill();
    }
  } else {
    const gun = look.weapon !== null && !MELEE.has(look.weapon);
    const hx = side ? h * 0.1 : w / 2 + h * 0.02;
    if (gun) {
      const len = GUNS[look.weapon!]?.[0] ?? 0.2;
      const fx = side ? hx - h * 0.04 + h * len + h * 0.05 : hx;
      const fy = side ? -h * 0.52 : facing === 'up' ? -h * 0.95 : -h * 0.37 + h * len + h * 0.05;
      c.shadowColor = '#ffd23d';
      c.shadowBlur = h * 0.3;
      c.fillStyle = '#fff3b0';
      c.beginPath();
      const r = h * 0.09;
      for (let i = 0; i < 8; i++) {
        const a = (i / 8) * Math.PI * 2;
        const rr = i % 2 ? r * 0.4 : r;
        c.lineTo(fx + Math.cos(a) * rr, fy + Math.sin(a) * rr);
      }
      c.closePath();
      c.fill();
    } else {
      // a swept arc in front of the striking hand
      c.strokeStyle = look.trim;
      c.globalAlpha = 0.85;
      c.shadowColor = look.trim;
      c.shadowBlur = h * 0.2;
      c.lineWidth = Math.max(1.5, h * 0.045);
      c.beginPath();
      if (side) c.arc(h * 0.1, -h * 0.55, h * 0.38, -Math.PI * 0.45, Math.PI * 0.25);
      else c.arc(0, -h * 0.5, h * 0.36, Math.PI * 0.1, Math.PI * 0.9);
      c.stroke();
    }
  }
  c.restore();
}
