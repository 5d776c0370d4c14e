/**
 * `pnpm bench:bundle`: how much JavaScript a page of the last web build makes a browser
 * download before it runs — the framework's root chunks plus every chunk the page's
 * client components name (its client reference manifest), each compressed as the
 * server sends it (gzip and brotli, measured here with Node's zlib). Chunks a page
 * imports on demand (the sound's ZzFX, at the first gesture) are not counted. Issue
 * 27's budget: `/play` ≤ 700 KB compressed. Needs `pnpm --filter @necp/web build` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describeMachine } from '../machine';
import { writeDocSection } from '../doc-section';

const root = path.resolve(import.meta.dirname, '../../..');
const next = path.join(root, 'apps/web/.next');
const ROUTES = ['/play', '/', '/characters'];
const BUDGET_KB: Record<string, number> = { '/play': 700 };

interface Manifest {
  clientModules: Record<string, { chunks: string[]; async?: boolean }>;
}

function pageManifest(route: string): Manifest {
  const dir = route === '/' ? '' : route;
  const file = path.join(next, 'server/app', dir, 'page_client-reference-manifest.js');
  const g: { __RSC_MANIFEST?: Record<string, Manifest> } = {};
  new Function('globalThis', fs.readFileSync(file, 'utf8'))(g);
  const m = g.__RSC_MANIFEST?.[`${route === '/' ? '' : route}/page`];
  if (!m) throw new Error(`no client reference manifest for ${route} in ${file}`);
  return m;
}

const sizes = (files: Iterable<string>) => {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(next, f));
    raw += buf.length;
    gzip += zlib.gzipSync(buf, { level: 9 }).length;
    brotli += zlib.brotliCompressSync(buf).length;
  }
  return { raw, gzip, brotli };
};

function measure(route: string): {
  route: string;
  files: number;
  initial: ReturnType<typeof sizes>;
  names: Set<string>;
} {
  const build = JSON.parse(fs.readFileSync(path.join(next, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  const initial = new Set<string>(build.rootMainFiles);
  for (const m of Object.values(pageManifest(route).clientModules))
    if (!m.async) for (const c of m.chunks) initial.add(c.replace(/^\/?_next\//, ''));
  return { route, files: initial.size, initial: sizes(initial), names: initial };
}

/**
 * The chunks a page's first JS can import later (the sound engine at the first gesture):
 * every chunk of the build whose name appears in one already loaded, transitively.
 */
function onDemand(initial: Set<string>) {
  const dir = path.join(next, 'static/chunks');
  const all = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => `static/chunks/${f}`);
  const later = new Set<string>();
  const queue = [...initial];
  while (queue.length > 0) {
    const text = fs.readFileSync(path.join(next, queue.pop()!), 'utf8');
    for (const f of all) {
      if (initial.has(f) || later.has(f)) continue;
      if (!text.includes(path.basename(f, '.js'))) continue;
      later.add(f);
      queue.push(f);
    }
  }
  // the sound engine's own chunk: ZzFX, imported at the first gesture
  const sound = [...later].filter((f) =>
    fs.readFileSync(path.join(next, f), 'utf8').toLowerCase().includes('zzfx'),
  );
  return { files: later.size, size: sizes(later), sound: sizes(sound) };
}

/** every file under `dir` (recursively), its bytes */
function filesUnder(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) n += fs.statSync(path.join(e.parentPath, e.name)).size;
  return n;
}

const kb = (n: number) => (n / 1024).toFixed(0);
const rows = ROUTES.map(measure);
const m = describeMachine();

/**
 * Issue 27's "art and sound ≤ 3 MB more": what /play fetches besides its first JS. The
 * figures, the city, portraits and icons are drawn in code and the sounds synthesised
 * (ZzFX), so this is the chunks it loads on demand plus any static file of the build
 * (.next/static/media: fonts, images); public/ holds only the landing page's pictures.
 */
function artAndSound(): string {
  const play = rows.find((r) => r.route === '/play')!;
  const later = onDemand(play.names);
  const media = filesUnder(path.join(next, 'static/media'));
  const total = later.size.gzip + media;
  return (
    `Art and sound for \`/play\`: no image, font or audio file — figures, city, portraits and ` +
    `icons are drawn in code, sounds synthesised by ZzFX (its chunk, fetched at the first ` +
    `gesture: ${(later.sound.gzip / 1024).toFixed(1)} KB gzip). Everything the page's code can ` +
    `import on demand, whether or not play ever does: ${later.files} chunk(s), ${kb(later.size.gzip)} KB gzip; the build's static media ` +
    `(.next/static/media) ${(media / 1024).toFixed(1)} KB. Budget ≤ 3 MB: **${total <= 3 * 1024 * 1024 ? 'met' : 'not met'}** ` +
    `(${kb(total)} KB).`
  );
}
const section = [
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC from the production build in apps/web/.next (Next.js, Turbopack; Node ${m.node}).`,
  '',
  '```',
  'pnpm --filter @necp/web build && pnpm bench:bundle',
  '```',
  '',
  '| page | chunks | JS before it runs: raw / gzip / brotli KB | budget |',
  '| ---- | -----: | ----------------------------------------: | ------ |',
  ...rows.map((r) => {
    const b = BUDGET_KB[r.route];
    const verdict =
      b === undefined
        ? '—'
        : r.initial.gzip / 1024 <= b
          ? `met (≤ ${b} KB)`
          : `not met (> ${b} KB)`;
    return `| \`${r.route}\` | ${r.files} | ${kb(r.initial.raw)} / ${kb(r.initial.gzip)} / ${kb(r.initial.brotli)} | ${verdict} |`;
  }),
  '',
  artAndSound(),
].join('\n');
console.log(section);
if (!process.argv.includes('--no-write'))
  await writeDocSection(
    path.join(root, 'docs/perf.md'),
    {
      start: '<!-- bench:bundle:start -->',
      end: '<!-- bench:bundle:end -->',
      heading: 'What a page downloads (issue 27): `pnpm bench:bundle`',
    },
    section,
  );
