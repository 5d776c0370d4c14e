import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  CACHED_PAGE_HEADER,
  cachedPageToken,
  isCachedPageFetch,
  selfOrigin,
  serveCachedPage,
} from './cached-page';
import type { InlineHashes } from './static-pages';

const hash = (s: string) => `sha256-${createHash('sha256').update(s).digest('base64')}`;

const page = (data: string) =>
  `<html><head><style>.g{}</style></head><body><h1>${data}</h1>` +
  `<script>self.__next_f.push([1,"${data}"])</script></body></html>`;

/** the policy names the hashes it was given */
const policy = (h: InlineHashes) =>
  `script-src 'self' ${h.scriptHashes.join(' ')}; style-src 'self' ${h.styleHashes.join(' ')}`;

const origin = 'http://127.0.0.1:3100';

describe('a cached page served by the proxy', () => {
  it('asks this server for the page (marked, uncompressed) and names the inline scripts of that very HTML', async () => {
    let html = page('v1');
    const fetchImpl = vi.fn(
      async (_url: URL | RequestInfo, _init?: RequestInit) =>
        new Response(html, {
          status: 200,
          headers: {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 's-maxage=60, stale-while-revalidate=31535940',
            etag: '"abc"',
            'x-nextjs-cache': 'HIT',
            'content-security-policy': "script-src 'none'",
            'set-cookie': 'x=1',
          },
        }),
    ) as unknown as typeof fetch & ReturnType<typeof vi.fn>;
    const request = new Request('http://play.example.org/guilds/OWL?x=1', {
      headers: { accept: 'text/html', cookie: 'session=secret' },
    });
    const res = (await serveCachedPage(request, { origin, policy, fetch: fetchImpl }))!;
    const [url, init] = fetchImpl.mock.calls[0]!;
    // this server, not the Host the client named
    expect(String(url)).toBe(`${origin}/guilds/OWL?x=1`);
    const sent = new Headers(init!.headers);
    expect(sent.get(CACHED_PAGE_HEADER)).toBe(cachedPageToken());
    expect(sent.get('accept-encoding')).toBe('identity');
    expect(sent.get('cookie')).toBeNull();
    expect(isCachedPageFetch(sent)).toBe(true);

    expect(res.status).toBe(200);
    expect(await res.text()).toBe(html);
    expect(res.headers.get('content-security-policy')).toBe(
      `script-src 'self' ${hash('self.__next_f.push([1,"v1"])')}; style-src 'self' ${hash('.g{}')}`,
    );
    expect(res.headers.get('cache-control')).toContain('s-maxage=60');
    expect(res.headers.get('etag')).toBe('"abc"');
    expect(res.headers.get('set-cookie')).toBeNull();

    // regenerated since: the next response names the new scripts, not the old ones
    html = page('v2');
    const again = (await serveCachedPage(request, { origin, policy, fetch: fetchImpl }))!;
    const csp = again.headers.get('content-security-policy')!;
    expect(csp).toContain(hash('self.__next_f.push([1,"v2"])'));
    expect(csp).not.toContain(hash('self.__next_f.push([1,"v1"])'));
  });

  it('passes a 404 with its own hashes, a 304 without a policy, and gives up when unreachable', async () => {
    const missing = page('not found');
    const notFound = (await serveCachedPage(new Request('http://x/guilds/NOPE'), {
      origin,
      policy,
      fetch: (async () => new Response(missing, { status: 404 })) as typeof fetch,
    }))!;
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-security-policy')).toContain(
      hash('self.__next_f.push([1,"not found"])'),
    );

    let sentEtag: string | null = null;
    const notModified = (await serveCachedPage(
      new Request('http://x/guilds/OWL', { headers: { 'if-none-match': '"abc"' } }),
      {
        origin,
        policy,
        fetch: (async (_u: unknown, init?: RequestInit) => {
          sentEtag = new Headers(init?.headers).get('if-none-match');
          return new Response(null, { status: 304, headers: { etag: '"abc"' } });
        }) as typeof fetch,
      },
    ))!;
    expect(sentEtag).toBe('"abc"');
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('content-security-policy')).toBeNull();

    const down = await serveCachedPage(new Request('http://x/guilds/OWL'), {
      origin,
      policy,
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    });
    expect(down).toBeNull();
  });

  it('reaches this server on its own port; a stranger cannot pass for the proxy', () => {
    expect(selfOrigin({ PORT: '3100' })).toBe('http://127.0.0.1:3100');
    expect(selfOrigin({})).toBe('http://127.0.0.1:3000');
    expect(isCachedPageFetch(new Headers({ [CACHED_PAGE_HEADER]: 'guess' }))).toBe(false);
    expect(isCachedPageFetch(new Headers())).toBe(false);
  });
});
