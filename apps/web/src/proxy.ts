/**
 * Next's proxy (formerly middleware) for pages: a fresh CSP nonce per request. Next
 * reads the nonce from the request's Content-Security-Policy header and puts it on
 * its own scripts of pages rendered per request. Prerendered pages (the landing page)
 * carry no nonce: their policy names their inline scripts by hash instead
 * (server/static-pages.ts), so the nonce is never baked into a cached page. Pages Next
 * caches and regenerates (a guild's public page) are served by the proxy itself with
 * the hashes of the HTML it serves (server/cached-page.ts). API routes are not
 * matched: they set no HTML, and the proxy would buffer their bodies before the
 * route handlers' 413 checks (server/request-limits.ts) could refuse them.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { getServerEnv } from './env';
import { isCachedPageFetch, selfOrigin, serveCachedPage } from './server/cached-page';
import { contentSecurityPolicy, HSTS, type InlineAllowance } from './server/security-headers';
import { regeneratedPage, staticPage } from './server/static-pages';

export async function proxy(request: NextRequest) {
  const env = getServerEnv();
  const https = env.NEXTAUTH_URL.startsWith('https://');
  const policy = (allowance: InlineAllowance) =>
    contentSecurityPolicy({
      ...allowance,
      simPublicUrl: env.SIM_PUBLIC_URL,
      otherSimUrls: env.SIM_OTHER_URLS,
      https,
      dev: process.env.NODE_ENV === 'development',
    });
  const finish = (response: NextResponse | Response) => {
    if (https) response.headers.set('Strict-Transport-Security', HSTS);
    return response;
  };
  const { pathname } = request.nextUrl;

  if (regeneratedPage(pathname)) {
    // never a nonce: Next would render it into the page it caches for everyone
    const noInline = policy({ scriptHashes: [], styleHashes: [] });
    const asIs = () => {
      const response = NextResponse.next();
      response.headers.set('Content-Security-Policy', noInline);
      return finish(response);
    };
    // the proxy's own fetch of the page, a HEAD or a client-side navigation's RSC payload
    // (no document: its policy is the page's that loaded it): through, untouched
    if (
      isCachedPageFetch(request.headers) ||
      request.method !== 'GET' ||
      request.headers.has('rsc')
    )
      return asIs();
    const served = await serveCachedPage(request, {
      origin: selfOrigin(),
      policy: (hashes) => policy(hashes),
    });
    // unreachable from itself: the page is still served, readable, its scripts refused
    return served ? finish(served) : asIs();
  }

  const allowance: InlineAllowance = staticPage(pathname) ?? {
    nonce: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64'),
  };
  const csp = policy(allowance);
  let response = NextResponse.next();
  if ('nonce' in allowance) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', allowance.nonce);
    requestHeaders.set('Content-Security-Policy', csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set('Content-Security-Policy', csp);
  return finish(response);
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|screens/|icon.svg|skyline.svg|favicon.ico).*)',
      // prefetches get the page's policy from the page load that started them
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
