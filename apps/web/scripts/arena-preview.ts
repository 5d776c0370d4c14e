/**
 * Screenshots of the arena HUD with fixed messages, no sim or web server needed:
 * bundles src/game/testing/arena-preview.tsx with the app's stylesheets into
 * $TMPDIR/necp-arena-preview/ (or $ARENA_PREVIEW_OUT) and has headless Chromium shoot every scene at
 * desktop (1280×800) and phone (390×844) size (plus the transition with reduced
 * motion).
 *   pnpm --filter @necp/web exec tsx scripts/arena-preview.ts [scene …]
 * Open index.html?scene=fighting there in a browser to play with one.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCENES = [
  'waiting',
  'countdown-early',
  'countdown',
  'fight-start',
  'fighting',
  'urgent',
  'dead',
  'victory',
  'defeat',
  'transfer-enter',
  'transfer-leave',
];
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const web = fileURLToPath(new URL('..', import.meta.url));
// outside the tree: Playwright empties test-results/ on every run
const out = `${process.env.ARENA_PREVIEW_OUT ?? join(tmpdir(), 'necp-arena-preview')}/`;
mkdirSync(out, { recursive: true });

// esbuild comes with tsx (the workspace's script runner): no dependency of its own
const require = createRequire(import.meta.url);
const esbuild = createRequire(require.resolve('tsx/package.json'))('esbuild') as {
  build: (o: Record<string, unknown>) => Promise<unknown>;
};
await esbuild.build({
  entryPoints: [`${web}src/game/testing/arena-preview.tsx`],
  bundle: true,
  format: 'esm',
  outfile: `${out}preview.js`,
  jsx: 'automatic',
  tsconfig: `${web}tsconfig.json`,
  define: { 'process.env.NODE_ENV': '"development"' },
  logLevel: 'warning',
});

// the stylesheets in the order the root layout imports them
const layout = readFileSync(`${web}src/app/layout.tsx`, 'utf8');
const css = [...layout.matchAll(/^import '\.\/(styles\/[\w-]+\.css)';$/gm)]
  .map((m) => readFileSync(`${web}src/app/${m[1]}`, 'utf8'))
  .join('\n');
writeFileSync(
  `${out}index.html`,
  `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>arena HUD preview</title><style>${css}</style></head>
<body><div class="game" data-testid="game-root"><canvas class="game__canvas"></canvas>
<div id="root" style="display: contents"></div></div>
<script type="module" src="preview.js"></script></body></html>`,
);

const wanted = process.argv.slice(2);
type Shot = { scene: string; size: (typeof SIZES)[number]; reduced?: boolean; at?: number };
const shots: Shot[] = [];
for (const scene of wanted.length ? wanted : SCENES)
  for (const size of SIZES) shots.push({ scene, size });
if (!wanted.length) {
  // the wipe mid-way, and the still card of reduced motion
  shots.push({ scene: 'transfer-enter', size: SIZES[0]!, at: 380 });
  shots.push({ scene: 'transfer-leave', size: SIZES[0]!, at: 380 });
  shots.push({ scene: 'transfer-enter', size: SIZES[0]!, reduced: true });
}

// animations frozen this far in (the cue, the wipe, the panels settled)
const SETTLED_MS = 900;
for (const { scene, size, reduced, at } of shots) {
  const file = `${out}${scene}-${size.name}${reduced ? '-reduced' : ''}${at ? `-at${at}` : ''}.png`;
  execFileSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--allow-file-access-from-files',
      '--force-device-scale-factor=1',
      ...(reduced ? ['--force-prefers-reduced-motion'] : []),
      '--virtual-time-budget=900',
      `--window-size=${size.width},${size.height}`,
      `--screenshot=${file}`,
      `file://${out}index.html?scene=${scene}&at=${at ?? SETTLED_MS}`,
    ],
    { stdio: 'ignore' },
  );
  console.log(file);
}
