import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineHashes, loadStaticPages, regeneratedRoutes } from './static-pages';

const hash = (s: string) => `sha256-${createHash('sha256').update(s).digest('base64')}`;

const PAGE = [
  '<html><head><style>.a{color:red}</style>',
  '<script src="/_next/static/chunks/a.js" async=""></script>',
  '<script id="_R_">self.__next_r="x"</script>',
  '</head><body><script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"é ✓"])</script>',
  '<script>self.__next_f.push([1,"é ✓"])</script></body></html>',
].join('');

describe('prerendered pages', () => {
  it('name each distinct inline script and style by the SHA-256 of its exact text', () => {
    expect(inlineHashes(PAGE)).toEqual({
      scriptHashes: [
        hash('self.__next_r="x"'),
        hash('(self.__next_f=self.__next_f||[]).push([0])'),
        hash('self.__next_f.push([1,"é ✓"])'),
      ],
      styleHashes: [hash('.a{color:red}')],
    });
  });

  it('are the routes of the build’s prerender manifest that have their HTML', () => {
    const dist = mkdtempSync(join(tmpdir(), 'necp-static-'));
    mkdirSync(join(dist, 'server', 'app'), { recursive: true });
    writeFileSync(
      join(dist, 'prerender-manifest.json'),
      JSON.stringify({ routes: { '/': {}, '/about': {}, '/icon.svg': {} } }),
    );
    writeFileSync(join(dist, 'server', 'app', 'index.html'), PAGE);
    writeFileSync(join(dist, 'server', 'app', 'about.html'), '<p>no scripts</p>');
    const pages = loadStaticPages(dist);
    expect([...pages.keys()]).toEqual(['/', '/about']);
    expect(pages.get('/')?.scriptHashes).toHaveLength(3);
    expect(pages.get('/about')).toEqual({ scriptHashes: [], styleHashes: [] });
    // no build at all (next dev): nothing is prerendered
    expect(loadStaticPages(join(dist, 'missing')).size).toBe(0);
  });

  it('leave out pages Next regenerates, which the proxy serves with their current hashes', () => {
    const dist = mkdtempSync(join(tmpdir(), 'necp-isr-'));
    mkdirSync(join(dist, 'server', 'app', 'guilds'), { recursive: true });
    writeFileSync(
      join(dist, 'prerender-manifest.json'),
      JSON.stringify({
        routes: {
          '/': { initialRevalidateSeconds: false },
          '/news': { initialRevalidateSeconds: 60 },
          // rendered on a first request after the build: its HTML is not the one served later
          '/guilds/OWL': { initialRevalidateSeconds: 60, srcRoute: '/guilds/[tag]' },
        },
        dynamicRoutes: {
          '/guilds/[tag]': { routeRegex: '^/guilds/([^/]+?)(?:/)?$', fallback: null },
        },
      }),
    );
    writeFileSync(join(dist, 'server', 'app', 'index.html'), PAGE);
    writeFileSync(join(dist, 'server', 'app', 'news.html'), PAGE);
    writeFileSync(join(dist, 'server', 'app', 'guilds', 'OWL.html'), PAGE);
    expect([...loadStaticPages(dist).keys()]).toEqual(['/']);
    const regenerated = regeneratedRoutes(dist);
    expect(regenerated('/news')).toBe(true);
    expect(regenerated('/guilds/OWL')).toBe(true);
    // any tag, known at build time or not
    expect(regenerated('/guilds/NEW')).toBe(true);
    expect(regenerated('/guilds/NEW/')).toBe(true);
    expect(regenerated('/')).toBe(false);
    expect(regenerated('/guilds')).toBe(false);
    expect(regenerated('/guilds/a/b')).toBe(false);
    expect(regeneratedRoutes(join(dist, 'missing'))('/guilds/OWL')).toBe(false);
  });
});
