/**
 * Pages Next caches and regenerates while it runs (incremental static regeneration:
 * a guild's public page) cannot carry a per-request nonce — the first visitor's nonce
 * would be baked into the HTML every later visitor gets — and their HTML changes after
 * the build, so no hash can be computed ahead (static-pages.ts does that for pages
 * built once for good). The proxy therefore serves such a page itself: it asks this
 * same server for it (one loopback request, marked so the proxy lets it through with
 * no nonce; Next answers from its cache, or renders and caches it), hashes the inline
 * scripts and styles of exactly that HTML, and returns it with a CSP naming them. The
 * policy always matches the bytes sent — whichever version of the page Next had,
 * however many web processes share a cache, whatever a CDN keeps (the header travels
 * with the body).
 */
import { inlineHashes, type InlineHashes } from './static-pages';

/** Marks the proxy's own request for a cached page (value: this process's token). */
export const CACHED_PAGE_HEADER = 'x-necp-cached-page';

const holder = globalThis as typeof globalThis & { __necpCachedPageToken?: string };

/**
 * A random token of this process: only the proxy's own loopback request carries it,
 * so a client sending the header gains nothing (it would only get a page whose
 * inline scripts may not run).
 */
export function cachedPageToken(): string {
  holder.__necpCachedPageToken ??= crypto.randomUUID();
  return holder.__necpCachedPageToken;
}

export const isCachedPageFetch = (headers: Headers) =>
  headers.get(CACHED_PAGE_HEADER) === cachedPageToken();

/**
 * This server as seen from itself: `next start` stores the port it listens on in
 * PORT; it listens on every interface unless told a host (then that one).
 */
export function selfOrigin(env: Record<string, string | undefined> = process.env): string {
  return `http://127.0.0.1:${env.PORT || '3000'}`;
}

/** Headers of the inner response that must not be copied to ours. */
const DROP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'content-length',
  'content-security-policy',
  'set-cookie',
]);

export interface CachedPageOptions {
  /** this server's own origin (selfOrigin()) */
  origin: string;
  /** the CSP for a page whose inline scripts and styles have these hashes */
  policy: (hashes: InlineHashes) => string;
  fetch?: typeof fetch;
}

/**
 * The cached page at `url`'s path, fetched from this server and returned with a CSP
 * naming its inline scripts and styles; a 304 (the browser's copy is current, and so
 * is the policy it came with) passes through without one. null when the server could
 * not be reached: the caller lets the request through without a nonce.
 */
export async function serveCachedPage(
  request: Request,
  { origin, policy, fetch: fetchImpl = fetch }: CachedPageOptions,
): Promise<Response | null> {
  const url = new URL(request.url);
  const headers = new Headers({
    [CACHED_PAGE_HEADER]: cachedPageToken(),
    accept: request.headers.get('accept') ?? 'text/html',
    // the body is read and hashed here; compressing it in between is wasted work
    'accept-encoding': 'identity',
  });
  const etag = request.headers.get('if-none-match');
  if (etag) headers.set('if-none-match', etag);
  let inner: Response;
  let body: string;
  try {
    inner = await fetchImpl(new URL(url.pathname + url.search, origin), {
      headers,
      redirect: 'manual',
      cache: 'no-store',
    });
    body = await inner.text();
  } catch {
    return null;
  }
  const out = new Headers();
  inner.headers.forEach((value, key) => {
    if (!DROP.has(key) && !key.startsWith('x-middleware-')) out.set(key, value);
  });
  // a redirect to this server's loopback address means the same path on the client's
  const location = out.get('location');
  if (location?.startsWith(origin)) out.set('location', location.slice(origin.length) || '/');
  if (inner.status === 304 || (inner.status >= 300 && inner.status < 400))
    return new Response(null, { status: inner.status, headers: out });
  out.set('content-security-policy', policy(inlineHashes(body)));
  return new Response(body, { status: inner.status, statusText: inner.statusText, headers: out });
}
