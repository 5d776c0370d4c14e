/** `pnpm bench:render [options]`: the command line, parsed and validated here. */
import { z } from 'zod';
import { readCommandLine } from '../command-line';

export const RENDER_CASES = [
  'canvas2d-floor',
  'canvas2d-now',
  'canvas2d-now-30',
  'canvas2d-sprites',
  'pixi-webgl',
] as const;
export type RenderCase = (typeof RENDER_CASES)[number];
export const VIEWPORTS = ['desktop', 'phone'] as const;
export type Viewport = (typeof VIEWPORTS)[number];

const USAGE = `pnpm bench:render [options]
  --cases canvas2d-floor,canvas2d-now,canvas2d-now-30,canvas2d-sprites,pixi-webgl  which run
                           canvas2d-floor: a full-page canvas with one fill a frame (the fixed cost)
                           canvas2d-now: the game's Renderer as it is (Canvas 2D paths and text)
                           canvas2d-now-30: the same under the game menu's 30 fps cap (its frame loop)
                           canvas2d-sprites: the same crowd as pre-rendered images, Canvas 2D drawImage
                           pixi-webgl: those images drawn by pixi.js 8 in WebGL (SwiftShader here)
  --sizes desktop,phone    desktop 1400×900 (1×), phone 390×844 (isMobile, 3×)
  --figures 60             figures on screen (players and NPCs of every rank, two corpses)
  --effects 40             effects: a quarter boss telegraphs (at most 24), the rest floating texts
  --seconds 10             measured window per case
  --warmup 3               seconds run before the window (JIT, first rasters), not measured
  --rounds 1               windows per case, interleaved with the other cases, pooled
  --out docs/perf.md       where the results section is written
  --no-write               print the results, leave docs/perf.md alone`;

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(values)).min(1));

const RenderArgsSchema = z.object({
  cases: list(RENDER_CASES),
  sizes: list(VIEWPORTS),
  figures: z.coerce.number().int().min(1).max(500),
  effects: z.coerce.number().int().min(0).max(200),
  seconds: z.coerce.number().int().min(1).max(120),
  warmup: z.coerce.number().int().min(0).max(60),
  rounds: z.coerce.number().int().min(1).max(10),
  out: z.string().min(1),
  write: z.boolean(),
});
export type RenderBenchArgs = z.infer<typeof RenderArgsSchema>;

export const parseRenderArgs = (argv: string[]): RenderBenchArgs =>
  readCommandLine(argv, {
    usage: USAGE,
    schema: RenderArgsSchema,
    options: {
      cases: { type: 'string', default: RENDER_CASES.join(',') },
      sizes: { type: 'string', default: VIEWPORTS.join(',') },
      figures: { type: 'string', default: '60' },
      effects: { type: 'string', default: '40' },
      seconds: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '1' },
      out: { type: 'string', default: 'docs/perf.md' },
      'no-write': { type: 'boolean', default: false },
    },
  });
