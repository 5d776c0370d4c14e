/**
 * The bench pages' scripts, bundled in memory by esbuild from the entries in page/:
 * the game's own render code is compiled into them as the web's build would (minified,
 * production), with nothing of Next.js around it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { RenderCase } from './args';

const here = path.dirname(fileURLToPath(import.meta.url));

/** each case's entry file under page/ */
export const ENTRIES: Record<RenderCase, string> = {
  'canvas2d-floor': 'floor-entry.ts',
  'canvas2d-now': 'real-entry.ts',
  'canvas2d-now-30': 'real-capped-entry.ts',
  'canvas2d-sprites': 'canvas-entry.ts',
  'pixi-webgl': 'pixi-entry.ts',
};

/** case → its bundled script */
export async function bundlePages(cases: readonly RenderCase[]): Promise<Map<RenderCase, string>> {
  const out = new Map<RenderCase, string>();
  for (const c of cases) {
    const result = await build({
      entryPoints: [path.join(here, 'page', ENTRIES[c])],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'chrome120',
      minify: true,
      write: false,
      logLevel: 'warning',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    const file = result.outputFiles[0];
    if (!file) throw new Error(`esbuild wrote nothing for ${c}`);
    out.set(c, file.text);
  }
  return out;
}
