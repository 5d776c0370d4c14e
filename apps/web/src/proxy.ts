/**
 * Next's proxy (formerly middleware) for pages: a fresh CSP nonce per request. Next
 * reads the nonce from the request's Content-Security-Policy header and puts it on
 * its own scripts of pages rendered per request. Prerendered pages (the landing page)
 * carry no nonce: their policy names their inline scripts by hash instead
 * (server/static-pages.ts), so the nonce is never baked into a cached page. API routes are not
 * matched: they set no HTML, and the proxy would buffer their bodies before the
 * route handlers' 413 checks (server/request-limits.ts) could refuse them.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { getServerEnv } from './env';
import { contentSecurityPolicy, HSTS, type InlineAllowance } from './server/security-headers';
import { staticPage } from './server/static-pages';

export function proxy(request: NextRequest) {
  const env = getServerEnv();
  const https = env.NEXTAUTH_URL.startsWith('https://');
  const allowance: InlineAllowance = staticPage(request.nextUrl.pathname) ?? {
    nonce: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64'),
  };
  const csp = contentSecurityPolicy({
    ...allowance,
    simPublicUrl: env.SIM_PUBLIC_URL,
    otherSimUrls: env.SIM_OTHER_URLS,
    https,
    dev: process.env.NODE_ENV === 'development',
  });

  let response = NextResponse.next();
  if ('nonce' in allowance) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', allowance.nonce);
    requestHeaders.set('Content-Security-Policy', csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|icon.svg|skyline.svg|favicon.ico).*)',
      // prefetches get the page's policy from the page load that started them
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
