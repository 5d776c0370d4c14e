/**
 * Pages Next prerendered at build time (the landing page) are served as built: no
 * render, so no per-request nonce can be on their scripts. They get a CSP that names
 * their inline scripts and styles by SHA-256 instead, computed once from the built
 * HTML. Pages Next renders on their first request and then serves from its cache,
 * rendering them again now and then (incremental static regeneration: a guild's
 * public page, /guilds/[tag]) must not get a nonce either — it would be baked into the
 * cached HTML — and their HTML changes while the server runs, so the proxy serves
 * them itself with the hashes of the very HTML it serves (cached-page.ts). Which pages
 * are which is read from the build's own prerender manifest, so a page that becomes
 * static or cached (or stops being) gets the right policy without a list to keep in step.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export interface InlineHashes {
  scriptHashes: string[];
  styleHashes: string[];
}

const sha256 = (text: string) =>
  `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** Inline <script> elements (no src) and <style> elements of a page, by content hash. */
export function inlineHashes(html: string): InlineHashes {
  const scriptHashes = new Set<string>();
  const styleHashes = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1] ?? '')) continue;
    scriptHashes.add(sha256(m[2] ?? ''));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
    styleHashes.add(sha256(m[1] ?? ''));
  return { scriptHashes: [...scriptHashes], styleHashes: [...styleHashes] };
}

const ManifestSchema = z.object({
  routes: z.record(
    z.string(),
    z
      .object({ initialRevalidateSeconds: z.union([z.number(), z.literal(false)]).optional() })
      .loose(),
  ),
  /** routes with parameters whose pages are cached once rendered (generateStaticParams) */
  dynamicRoutes: z.record(z.string(), z.object({ routeRegex: z.string() }).loose()).optional(),
});

type Manifest = z.infer<typeof ManifestSchema>;

function readManifest(distDir: string): Manifest | undefined {
  const manifestFile = join(distDir, 'prerender-manifest.json');
  if (!existsSync(manifestFile)) return undefined;
  return ManifestSchema.parse(JSON.parse(readFileSync(manifestFile, 'utf8')));
}

/** '/' → index.html, '/about' → about.html (Next's layout of .next/server/app). */
const htmlFileOf = (distDir: string, route: string) =>
  join(distDir, 'server', 'app', route === '/' ? 'index.html' : `${route.slice(1)}.html`);

/** A prerendered route Next renders again while the server runs (a revalidate time). */
const regenerates = (r: Manifest['routes'][string]) =>
  typeof r.initialRevalidateSeconds === 'number';

/**
 * The inline hashes of every page of a build prerendered once for good, by path. A
 * route whose HTML is missing is left out: it then gets the nonce policy and renders
 * per request. Pages that are regenerated are not here (regeneratedRoutes).
 */
export function loadStaticPages(distDir: string): Map<string, InlineHashes> {
  const pages = new Map<string, InlineHashes>();
  const manifest = readManifest(distDir);
  if (!manifest) return pages;
  for (const [route, r] of Object.entries(manifest.routes)) {
    if (regenerates(r)) continue;
    const file = htmlFileOf(distDir, route);
    if (existsSync(file)) pages.set(route, inlineHashes(readFileSync(file, 'utf8')));
  }
  return pages;
}

/**
 * Whether a path is a page Next caches once rendered and renders again later: a
 * prerendered route with a revalidate time, or any path of a route with parameters
 * the manifest lists as cached (`dynamicRoutes`: pages rendered on first request).
 */
export function regeneratedRoutes(distDir: string): (pathname: string) => boolean {
  const manifest = readManifest(distDir);
  if (!manifest) return () => false;
  const paths = new Set(
    Object.entries(manifest.routes)
      .filter(([, r]) => regenerates(r))
      .map(([route]) => route),
  );
  const patterns = Object.values(manifest.dynamicRoutes ?? {}).map((r) => new RegExp(r.routeRegex));
  return (pathname) => paths.has(pathname) || patterns.some((p) => p.test(pathname));
}

let cached: Map<string, InlineHashes> | undefined;
let regenerated: ((pathname: string) => boolean) | undefined;

/**
 * The prerendered page at this path in the running production build, or undefined
 * (dev renders every page per request, so it never has one).
 */
export function staticPage(pathname: string): InlineHashes | undefined {
  if (process.env.NODE_ENV !== 'production') return undefined;
  cached ??= loadStaticPages(join(process.cwd(), '.next'));
  return cached.get(pathname);
}

/**
 * Whether this path is a page the running production build caches and regenerates
 * (never in dev, which renders every page per request).
 */
export function regeneratedPage(pathname: string): boolean {
  if (process.env.NODE_ENV !== 'production') return false;
  regenerated ??= regeneratedRoutes(join(process.cwd(), '.next'));
  return regenerated(pathname);
}
