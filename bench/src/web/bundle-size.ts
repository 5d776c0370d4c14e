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

function measure(route: string) {
  const build = JSON.parse(fs.readFileSync(path.join(next, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  const initial = new Set<string>(build.rootMainFiles);
  for (const m of Object.values(pageManifest(route).clientModules))
    if (!m.async) for (const c of m.chunks) initial.add(c.replace(/^\/?_next\//, ''));
  return { route, files: initial.size, initial: sizes(initial) };
}

const kb = (n: number) => (n / 1024).toFixed(0);
const rows = ROUTES.map(measure);
const m = describeMachine();
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
].join('\n');
console.log(section);
if (!process.argv.includes('--no-write'))
  writeDocSection(
    path.join(root, 'docs/perf.md'),
    {
      start: '<!-- bench:bundle:start -->',
      end: '<!-- bench:bundle:end -->',
      heading: 'What a page downloads (issue 27): `pnpm bench:bundle`',
    },
    section,
  );
