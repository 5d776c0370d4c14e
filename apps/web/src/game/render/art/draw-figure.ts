/**
 * One figure drawn in code, seen from above and in front (the city's ¾ view): a ground
 * shadow, legs and arms that swing with the walk, a torso in the outfit's coat with its
 * neon trim, a head, the class's or faction's kit, and the rank's trim. Drawn once per
 * look, facing and walk frame into the sprite cache (figure-sprites.ts), never per
 * frame. The origin is the figure's feet; `h` is its height in pixels.
 */
import { drawAct, drawOriginMark, drawWeapon } from './draw-gear';
import type { FigureLook } from './figure-look';
import type { Pose } from './pose';

const GOLD = '#ffc83d';

function rounded(
  c: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
) {
  c.beginPath();
  c.roundRect(x, y, w, h, r);
  c.fill();
}

export function drawFigure(c: CanvasRenderingContext2D, look: FigureLook, pose: Pose, h: number) {
  c.save();
  if (pose.dead) {
    // lying on its side, greyed: a body, not a fighter
    c.globalAlpha = 0.75;
    // head to the left, feet to the right, centred on where it stood
    c.translate(h * 0.5, -h * 0.12);
    c.rotate(-Math.PI / 2);
  }
  if (!pose.dead) {
    c.fillStyle = 'rgba(0, 0, 0, 0.45)';
    c.beginPath();
    c.ellipse(0, 0, h * 0.3 * (look.body === 'beast' ? 1.5 : 1), h * 0.09, 0, 0, Math.PI * 2);
    c.fill();
  }
  if (look.rank === 'boss' && !pose.dead) aura(c, h);
  if (look.body === 'drone') drone(c, look, pose, h);
  else if (look.body === 'beast') beast(c, look, pose, h);
  else human(c, look, pose, h);
  if (look.body !== 'human' && pose.act && !pose.dead)
    // a drone fires from its lens, a beast lashes out
    drawAct(
      c,
      pose.act,
      { ...look, weapon: look.body === 'drone' ? 'pistol' : null },
      pose.facing,
      h,
      h * 0.36,
    );
  if (pose.dead) {
    c.globalCompositeOperation = 'source-atop';
    c.fillStyle = 'rgba(40, 44, 60, 0.55)';
    c.fillRect(-h, -h * 2, h * 2, h * 3);
  }
  c.restore();
}

function aura(c: CanvasRenderingContext2D, h: number) {
  const g = c.createRadialGradient(0, -h * 0.45, h * 0.1, 0, -h * 0.45, h * 0.75);
  g.addColorStop(0, 'rgba(255, 40, 70, 0.35)');
  g.addColorStop(1, 'rgba(255, 40, 70, 0)');
  c.fillStyle = g;
  c.beginPath();
  c.arc(0, -h * 0.45, h * 0.75, 0, Math.PI * 2);
  c.fill();
}

function human(c: CanvasRenderingContext2D, look: FigureLook, pose: Pose, h: number) {
  const swing = pose.phase === null ? 0 : Math.sin(pose.phase * Math.PI * 2);
  const side = pose.facing === 'side';
  const w = h * 0.36;
  // legs: side view swings them forward and back, front/back view lifts them
  c.fillStyle = look.legs;
  for (const s of [-1, 1]) {
    const lift = side ? 0 : Math.max(0, swing * s) * h * 0.06;
    const dx = side ? swing * s * h * 0.08 : s * h * 0.085;
    rounded(c, dx - h * 0.055, -h * 0.42, h * 0.11, h * 0.42 - lift, h * 0.03);
    // boots
    c.fillStyle = '#0a0a10';
    rounded(c, dx - h * 0.065, -h * 0.07 - lift, h * 0.13, h * 0.07, h * 0.02);
    c.fillStyle = look.legs;
  }
  // arms behind the torso when seen from the side
  const arm = (s: number) => {
    const a = side ? -swing * s * h * 0.07 : 0;
    c.fillStyle = look.accessory === 'club' ? look.skin : look.coat;
    rounded(
      c,
      (side ? a : s * (w / 2 + h * 0.02)) - h * 0.05,
      -h * 0.76,
      h * 0.1,
      h * 0.34,
      h * 0.04,
    );
    c.fillStyle = look.skin;
    c.beginPath();
    c.arc(side ? a : s * (w / 2 + h * 0.02), -h * 0.4, h * 0.045, 0, Math.PI * 2);
    c.fill();
  };
  if (side) arm(1);
  // the torso, glowing at its edge in the viewer's relation colour
  c.shadowColor = look.glow;
  c.shadowBlur = h * 0.25;
  c.fillStyle = look.coat;
  rounded(c, -w / 2, -h * 0.8, w, h * 0.44, h * 0.08);
  c.shadowBlur = 0;
  trim(c, look, pose, h, w);
  if (side) arm(-1);
  else for (const s of [-1, 1]) arm(s);
  head(c, look, pose, h);
  if (look.origin) drawOriginMark(c, look.origin, pose.facing, h, look.trim);
  kit(c, look, pose, h, w);
  if (look.weapon && !pose.dead) drawWeapon(c, look.weapon, pose.facing, h, w, look.trim);
  if (pose.act && !pose.dead) drawAct(c, pose.act, look, pose.facing, h, w);
  if (look.rank === 'elite' || look.rank === 'boss') {
    // gold shoulder plates; a boss's crown above the head
    c.fillStyle = GOLD;
    for (const s of side ? [1] : [-1, 1])
      rounded(c, s * w * 0.5 - h * 0.08, -h * 0.82, h * 0.16, h * 0.07, h * 0.03);
    if (look.rank === 'boss') {
      c.beginPath();
      const y = -h * 1.08;
      c.moveTo(-h * 0.14, y + h * 0.06);
      for (let i = 0; i <= 4; i++)
        c.lineTo(-h * 0.14 + (i * h * 0.28) / 4, y - (i % 2 ? 0 : h * 0.09));
      c.lineTo(h * 0.14, y + h * 0.06);
      c.closePath();
      c.fill();
    }
  }
}

function trim(c: CanvasRenderingContext2D, look: FigureLook, pose: Pose, h: number, w: number) {
  c.fillStyle = look.trim;
  if (look.accessory === 'suit') {
    // white shirt and a red tie
    c.fillStyle = '#e8e8ee';
    c.fillRect(-h * 0.04, -h * 0.8, h * 0.08, h * 0.2);
    c.fillStyle = look.trim;
    c.fillRect(-h * 0.015, -h * 0.78, h * 0.03, h * 0.18);
    return;
  }
  if (look.accessory === 'medkit') {
    // a cross on the chest
    c.fillRect(-h * 0.02, -h * 0.72, h * 0.04, h * 0.14);
    c.fillRect(-h * 0.07, -h * 0.67, h * 0.14, h * 0.04);
    return;
  }
  // a neon seam down the jacket and a belt
  if (pose.facing !== 'up') c.fillRect(-h * 0.012, -h * 0.78, h * 0.024, h * 0.38);
  c.fillRect(-w / 2, -h * 0.45, w, h * 0.03);
}

function head(c: CanvasRenderingContext2D, look: FigureLook, pose: Pose, h: number) {
  const r = h * 0.12;
  const y = -h * 0.9;
  c.fillStyle = look.skin;
  c.beginPath();
  c.arc(0, y, r, 0, Math.PI * 2);
  c.fill();
  c.fillStyle = look.accessory === 'hood' ? look.coat : look.hair;
  c.beginPath();
  if (look.accessory === 'hood') c.arc(0, y - r * 0.1, r * 1.2, Math.PI * 0.95, Math.PI * 2.05);
  else if (pose.facing === 'up') c.arc(0, y, r * 1.02, 0, Math.PI * 2);
  else c.arc(0, y - r * 0.25, r * 0.95, Math.PI, Math.PI * 2);
  c.fill();
  if (look.accessory === 'katana' && pose.facing !== 'up') {
    // a neon mohawk
    c.fillStyle = look.trim;
    c.fillRect(-r * 0.18, y - r * 1.5, r * 0.36, r * 0.8);
  }
  if (pose.facing === 'up') return;
  // eyes: a visor, optics or plain
  const ex = pose.facing === 'side' ? r * 0.45 : 0;
  if (look.accessory === 'visor' || look.accessory === 'chrome' || look.accessory === 'dreads') {
    c.fillStyle = look.trim;
    c.shadowColor = look.trim;
    c.shadowBlur = r;
    c.fillRect(ex - r * 0.7, y - r * 0.15, r * (pose.facing === 'side' ? 0.8 : 1.4), r * 0.3);
    c.shadowBlur = 0;
  } else {
    c.fillStyle = '#111';
    for (const s of pose.facing === 'side' ? [1] : [-1, 1])
      c.fillRect(ex + s * r * 0.35 - r * 0.08, y - r * 0.1, r * 0.16, r * 0.2);
  }
  if (look.accessory === 'dreads') {
    c.strokeStyle = look.hair;
    c.lineWidth = Math.max(1, h * 0.025);
    for (const s of [-1, -0.4, 0.4, 1]) {
      c.beginPath();
      c.moveTo(s * r * 0.8, y - r * 0.3);
      c.lineTo(s * r * 1.1, y + r * 1.3);
      c.stroke();
    }
  }
}

function kit(c: CanvasRenderingContext2D, look: FigureLook, pose: Pose, h: number, w: number) {
  const side = pose.facing === 'side';
  const hand = side ? h * 0.08 : w / 2 + h * 0.02;
  c.save();
  switch (look.accessory) {
    case 'vest':
      // armour plates on the chest and shoulders
      c.fillStyle = '#2a303c';
      rounded(c, -w * 0.38, -h * 0.76, w * 0.76, h * 0.22, h * 0.03);
      c.fillStyle = look.trim;
      for (const s of side ? [1] : [-1, 1])
        rounded(c, s * w * 0.42 - h * 0.05, -h * 0.8, h * 0.1, h * 0.05, h * 0.02);
      break;
    case 'katana':
    case 'blades':
      c.strokeStyle = look.accessory === 'blades' ? look.trim : '#dfe8f0';
      c.shadowColor = look.trim;
      c.shadowBlur = h * 0.15;
      c.lineWidth = Math.max(1.2, h * 0.035);
      c.beginPath();
      c.moveTo(hand, -h * 0.42);
      c.lineTo(hand + (side ? h * 0.42 : h * 0.1), -h * (side ? 0.5 : 0.05));
      c.stroke();
      break;
    case 'pack':
      c.fillStyle = '#3d3a30';
      rounded(c, -w * 0.45, -h * 0.82, w * 0.9, h * 0.3, h * 0.05);
      c.strokeStyle = look.trim;
      c.lineWidth = Math.max(1, h * 0.02);
      c.beginPath();
      c.moveTo(w * 0.3, -h * 0.82);
      c.lineTo(w * 0.45, -h * 1.08);
      c.stroke();
      c.fillStyle = look.trim;
      c.beginPath();
      c.arc(w * 0.45, -h * 1.08, h * 0.03, 0, Math.PI * 2);
      c.fill();
      break;
    case 'visor':
      // cables from the neck port, glowing
      c.strokeStyle = look.trim;
      c.globalAlpha = 0.7;
      c.lineWidth = Math.max(1, h * 0.018);
      c.beginPath();
      c.moveTo(-h * 0.05, -h * 0.8);
      c.quadraticCurveTo(-w * 0.9, -h * 0.6, -w * 0.6, -h * 0.3);
      c.stroke();
      break;
    case 'club':
      c.fillStyle = '#6b4a2a';
      c.fillRect(hand - h * 0.03, -h * 0.5, h * 0.06, h * 0.34);
      break;
    case 'chrome':
      c.fillStyle = '#b8c0cc';
      c.fillRect(-h * 0.07, -h * 0.84, h * 0.14, h * 0.04);
      break;
    default:
      break;
  }
  c.restore();
}

function drone(c: CanvasRenderingContext2D, look: FigureLook, pose: Pose, h: number) {
  const y = -h * 0.7 + (pose.phase === null ? 0 : Math.sin(pose.phase * Math.PI * 2) * h * 0.03);
  c.shadowColor = look.glow;
  c.shadowBlur = h * 0.25;
  c.fillStyle = look.coat;
  c.beginPath();
  c.ellipse(0, y, h * 0.3, h * 0.16, 0, 0, Math.PI * 2);
  c.fill();
  c.shadowBlur = 0;
  c.strokeStyle = look.legs;
  c.lineWidth = Math.max(1, h * 0.03);
  for (const s of [-1, 1]) {
    c.beginPath();
    c.ellipse(s * h * 0.32, y - h * 0.12, h * 0.14, h * 0.05, 0, 0, Math.PI * 2);
    c.stroke();
  }
  // the lens
  c.fillStyle = look.glow;
  c.shadowColor = look.glow;
  c.shadowBlur = h * 0.2;
  c.beginPath();
  c.arc(pose.facing === 'side' ? h * 0.14 : 0, y + h * 0.02, h * 0.06, 0, Math.PI * 2);
  c.fill();
}

function beast(c: CanvasRenderingContext2D, look: FigureLook, pose: Pose, h: number) {
  const bob = pose.phase === null ? 0 : Math.sin(pose.phase * Math.PI * 2) * h * 0.03;
  c.shadowColor = look.glow;
  c.shadowBlur = h * 0.3;
  c.fillStyle = '#1d3340';
  c.beginPath();
  c.ellipse(0, -h * 0.45 + bob, h * 0.42, h * 0.38, 0, 0, Math.PI * 2);
  c.fill();
  c.shadowBlur = 0;
  // armour plates with the faction's trim
  c.fillStyle = '#2f5566';
  for (let i = 0; i < 3; i++)
    rounded(c, -h * 0.3 + i * h * 0.2, -h * 0.78 + bob, h * 0.18, h * 0.12, h * 0.04);
  c.fillStyle = look.trim;
  c.shadowColor = look.trim;
  c.shadowBlur = h * 0.15;
  for (const s of pose.facing === 'side' ? [1] : [-1, 1]) {
    c.beginPath();
    c.arc(
      s * h * 0.12 + (pose.facing === 'side' ? h * 0.15 : 0),
      -h * 0.5 + bob,
      h * 0.05,
      0,
      Math.PI * 2,
    );
    c.fill();
  }
}
