/**
 * Case "pixi-webgl": the same images and layout as the Canvas 2D sprite case, drawn
 * by pixi.js 8 with WebGL (SwiftShader here: the machine has no GPU). Timed: laying
 * the frame out and pixi's render call, which only queues GL commands: the
 * rasterising happens on Chromium's GPU thread, which the runner's CPU counts.
 */
import {
  Application,
  Container,
  Rectangle,
  Sprite,
  Texture,
  type TextureSource,
  type WebGLRenderer,
} from 'pixi.js';
import { runFrames } from './frame-loop';
import type { Sprite as Art } from './sprite-art';
import { layoutSprites, type Bar, type Placed } from './sprite-layout';
import { spriteSetup } from './sprite-setup';

const canvas = document.getElementById('game') as HTMLCanvasElement;
const { crowd, view, dpr, zone, art, paintMs } = spriteSetup();

const sources = new Map<HTMLCanvasElement, TextureSource>();
const textures = new Map<Art, Texture>();
/** one GPU texture per canvas; an atlas cell is a frame of its canvas's texture */
function textureOf(s: Art): Texture {
  let t = textures.get(s);
  if (t) return t;
  let source = sources.get(s.canvas);
  if (!source) {
    source = Texture.from(s.canvas).source;
    sources.set(s.canvas, source);
  }
  t = new Texture({ source, frame: new Rectangle(s.sx, s.sy, s.sw, s.sh) });
  textures.set(s, t);
  return t;
}

const tints = new Map<string, number>();
/** CSS colour → 0xRRGGBB once (the palette's are all #rrggbb) */
const tintOf = (css: string) => {
  let n = tints.get(css);
  if (n === undefined) tints.set(css, (n = parseInt(css.slice(1, 7), 16)));
  return n;
};

/** A layer's sprites, reused frame to frame: only the ones in use are visible. */
class Pool {
  readonly layer = new Container();
  private used = 0;
  next(): Sprite {
    const kids = this.layer.children as Sprite[];
    if (this.used === kids.length) this.layer.addChild(new Sprite());
    const s = kids[this.used++]!;
    s.visible = true;
    return s;
  }
  end() {
    const kids = this.layer.children;
    for (let i = this.used; i < kids.length; i++) kids[i]!.visible = false;
    this.used = 0;
  }
}

function place(pool: Pool, p: Placed) {
  const sp = pool.next();
  const s = p.sprite;
  sp.texture = textureOf(s);
  sp.tint = 0xffffff;
  sp.anchor.set(s.ax / s.w, s.ay / s.h);
  sp.position.set(p.x, p.y);
  sp.width = p.w;
  sp.height = p.h;
  sp.alpha = p.alpha;
  sp.rotation = p.rot;
  sp.blendMode = p.add ? 'add' : 'normal';
}

function rect(pool: Pool, b: Bar) {
  const sp = pool.next();
  sp.texture = Texture.WHITE;
  sp.anchor.set(0, 0);
  sp.position.set(b.x, b.y);
  sp.width = b.w;
  sp.height = b.h;
  sp.tint = tintOf(b.color);
  sp.blendMode = 'normal';
}

async function main() {
  const app = new Application();
  await app.init({
    canvas,
    width: view.width,
    height: view.height,
    resolution: dpr,
    autoDensity: true,
    antialias: false,
    background: '#04050a',
    preference: 'webgl',
    autoStart: false,
    sharedTicker: false,
  });
  const gl = (app.renderer as WebGLRenderer).gl;
  const debug = gl?.getExtension('WEBGL_debug_renderer_info');
  const glRenderer = debug ? String(gl.getParameter(debug.UNMASKED_RENDERER_WEBGL)) : 'unknown';

  const bg = new Sprite(Texture.from(art.background.canvas));
  bg.width = art.background.canvas.width / dpr;
  bg.height = art.background.canvas.height / dpr;
  const under = new Pool();
  const bars = new Pool();
  const texts = new Pool();
  const overlay = new Sprite(Texture.from(art.overlay));
  overlay.width = view.width;
  overlay.height = view.height;
  const dots = new Pool();
  app.stage.addChild(bg, under.layer, bars.layer, texts.layer, overlay, dots.layer);

  runFrames(
    {
      renderer: `pixi.js ${app.renderer.name}`,
      gl: glRenderer,
      paintArtMs: paintMs.toFixed(0),
    },
    (now) => crowd.at(now),
    (f) => {
      const s = layoutSprites(art, f, view, dpr, zone);
      bg.position.set(-s.bg.x, -s.bg.y);
      for (const p of s.under) place(under, p);
      for (const b of s.bars) rect(bars, b);
      for (const p of s.texts) place(texts, p);
      for (const d of s.dots) rect(dots, d);
      for (const pool of [under, bars, texts, dots]) pool.end();
      app.render();
    },
  );
}

main().catch((e: unknown) => {
  window.__benchFailed = e instanceof Error ? e.message : String(e);
});
