/**
 * Case "canvas2d-floor": what any Canvas 2D renderer pays before it draws anything —
 * a full-page canvas whose every frame is one fill of a changing colour, so Chromium
 * rasterises, uploads and composites the whole canvas each frame as it does the game's.
 */
import { runFrames } from './frame-loop';
import { dprOf, viewOf } from './view';

const canvas = document.getElementById('game') as HTMLCanvasElement;
const view = viewOf();
const dpr = dprOf();
canvas.width = Math.round(view.width * dpr);
canvas.height = Math.round(view.height * dpr);
const ctx = canvas.getContext('2d', { alpha: false })!;
ctx.setTransform(dpr, 0, 0, dpr, 0, 0);

runFrames(
  { renderer: 'Canvas 2D, one fill a frame' },
  (now) => Math.round(8 + 6 * Math.sin(now / 500)),
  (shade) => {
    ctx.fillStyle = `rgb(${shade}, ${shade}, ${shade + 8})`;
    ctx.fillRect(0, 0, view.width, view.height);
  },
);
