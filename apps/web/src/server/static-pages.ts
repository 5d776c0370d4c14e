/**
 * Pages Next prerendered at build time (the landing page, and the public pages to
 * come) are served as built: no render, so no per-request nonce can be on their
 * scripts. They get a CSP that names their inline scripts and styles by SHA-256
 * instead, computed once from the built HTML. Which pages are prerendered is read
 * from the build's own prerender manifest, so a page that becomes static (or stops
 * being) gets the right policy without a list to keep in step.
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
  routes: z.record(z.string(), z.object({}).loose()),
});

/** '/' → index.html, '/about' → about.html (Next's layout of .next/server/app). */
const htmlFileOf = (distDir: string, route: string) =>
  join(distDir, 'server', 'app', route === '/' ? 'index.html' : `${route.slice(1)}.html`);

/**
 * The inline hashes of every prerendered page of a build, by path. A route whose HTML
 * is missing is left out: it then gets the nonce policy and renders per request.
 */
export function loadStaticPages(distDir: string): Map<string, InlineHashes> {
  const pages = new Map<string, InlineHashes>();
  const manifestFile = join(distDir, 'prerender-manifest.json');
  if (!existsSync(manifestFile)) return pages;
  const manifest = ManifestSchema.parse(JSON.parse(readFileSync(manifestFile, 'utf8')));
  for (const route of Object.keys(manifest.routes)) {
    const file = htmlFileOf(distDir, route);
    if (existsSync(file)) pages.set(route, inlineHashes(readFileSync(file, 'utf8')));
  }
  return pages;
}

let cached: Map<string, InlineHashes> | undefined;

/**
 * The prerendered page at this path in the running production build, or undefined
 * (dev renders every page per request, so it never has one).
 */
export function staticPage(pathname: string): InlineHashes | undefined {
  if (process.env.NODE_ENV !== 'production') return undefined;
  cached ??= loadStaticPages(join(process.cwd(), '.next'));
  return cached.get(pathname);
}
