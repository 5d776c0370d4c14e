/**
 * Case "canvas2d-sprites": the same crowd as pre-rendered images copied with Canvas 2D
 * `drawImage` (over the city painted once), bars and minimap dots as `fillRect`.
 * Timed: laying the frame out (plates included) and drawing it.
 */
import { runFrames } from './frame-loop';
import { layoutSprites, type Bar, type Placed } from './sprite-layout';
import { spriteSetup } from './sprite-setup';

const canvas = document.getElementById('game') as HTMLCanvasElement;
const { crowd, view, dpr, zone, art, paintMs } = spriteSetup();
canvas.width = Math.round(view.width * dpr);
canvas.height = Math.round(view.height * dpr);
// no alpha: the browser need not blend the canvas with the page (as the Renderer)
const ctx = canvas.getContext('2d', { alpha: false })!;
ctx.setTransform(dpr, 0, 0, dpr, 0, 0);

function image(p: Placed) {
  const s = p.sprite;
  const ax = (s.ax / s.w) * p.w;
  const ay = (s.ay / s.h) * p.h;
  ctx.globalAlpha = p.alpha;
  if (p.add) {
    ctx.globalCompositeOperation = 'lighter';
    ctx.drawImage(s.canvas, s.sx, s.sy, s.sw, s.sh, p.x - ax, p.y - ay, p.w, p.h);
    ctx.globalCompositeOperation = 'source-over';
    return;
  }
  if (p.rot === 0) {
    ctx.drawImage(s.canvas, s.sx, s.sy, s.sw, s.sh, p.x - ax, p.y - ay, p.w, p.h);
    return;
  }
  ctx.save();
  ctx.translate(p.x, p.y);
  ctx.rotate(p.rot);
  ctx.drawImage(s.canvas, s.sx, s.sy, s.sw, s.sh, -ax, -ay, p.w, p.h);
  ctx.restore();
}

function rects(list: Bar[]) {
  for (const b of list) {
    ctx.fillStyle = b.color;
    ctx.fillRect(b.x, b.y, b.w, b.h);
  }
}

runFrames(
  { renderer: 'Canvas 2D drawImage (sprites)', paintArtMs: paintMs.toFixed(0) },
  (now) => crowd.at(now),
  (f) => {
    const s = layoutSprites(art, f, view, dpr, zone);
    const bg = art.background.canvas;
    ctx.globalAlpha = 1;
    ctx.drawImage(
      bg,
      s.bg.x * dpr,
      s.bg.y * dpr,
      view.width * dpr,
      view.height * dpr,
      0,
      0,
      view.width,
      view.height,
    );
    for (const p of s.under) image(p);
    ctx.globalAlpha = 1;
    rects(s.bars);
    for (const p of s.texts) image(p);
    ctx.globalAlpha = 1;
    ctx.drawImage(art.overlay, 0, 0, view.width, view.height);
    rects(s.dots);
  },
);
