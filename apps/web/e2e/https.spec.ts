// Served over https, the site pins https (HSTS) and its cookies are Secure; over plain
// http neither (a browser would pin http, or drop the cookies). The app decides by
// NEXTAUTH_URL (docs/security.md): here a second `next start` is told it lives at an
// https address and sits behind a TLS-terminating proxy made in this test, with a
// throwaway certificate generated for it, which forwards X-Forwarded-For/-Proto
// as a real one does (TRUSTED_PROXY_HOPS=1).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testCertificates } from '@necp/db/testing';
import { expect, test } from './test';
import type { BrowserContext, Cookie } from '@playwright/test';
import { signUp, uid } from './helpers';
import { startWeb } from './web-server';

/** A throwaway key and certificate for localhost (openssl; the browser ignores HTTPS errors). */
function throwawayCert(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'necp-tls-'));
  try {
    const t = testCertificates(dir, 'proxy');
    return { key: readFileSync(t.key), cert: readFileSync(t.crt) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Terminates TLS and forwards every request to 127.0.0.1:`target()` over http. */
async function tlsProxy(target: () => number): Promise<{ port: number; server: Server }> {
  const server = createHttpsServer(throwawayCert(), (req, res) => {
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: target(),
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': req.headers.host ?? '',
        },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

const sessionCookie = (cookies: Cookie[]) =>
  cookies.find((c) => c.name.endsWith('next-auth.session-token'));

async function signUpIn(context: BrowserContext) {
  const page = await context.newPage();
  const res = await page.goto('/signup');
  await signUp(page, `tls${uid()}`);
  return { page, pageHeaders: res?.headers() ?? {}, cookies: await context.cookies() };
}

test('over https: HSTS on pages and Secure session cookies', async ({ browser }) => {
  test.setTimeout(180_000);
  let webPort = 0;
  const proxy = await tlsProxy(() => webPort);
  const origin = `https://localhost:${proxy.port}`;
  const web = await startWeb({ NEXTAUTH_URL: origin, TRUSTED_PROXY_HOPS: '1' });
  webPort = web.port;
  const context = await browser.newContext({ baseURL: origin, ignoreHTTPSErrors: true });
  try {
    const { page, pageHeaders, cookies } = await signUpIn(context);
    expect(pageHeaders['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    expect(pageHeaders['content-security-policy']).toContain('upgrade-insecure-requests');

    const session = sessionCookie(cookies);
    expect(session).toMatchObject({
      name: '__Secure-next-auth.session-token',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    });
    // every cookie the site set is Secure (next-auth's csrf and callback cookies too)
    expect(cookies.length).toBeGreaterThan(1);
    for (const c of cookies) expect(c, c.name).toMatchObject({ secure: true });
    expect(cookies.find((c) => c.name === '__Host-next-auth.csrf-token')).toBeTruthy();
    await page.screenshot({ path: test.info().outputPath('https-signed-in.png') });
  } finally {
    await context.close();
    web.stop();
    proxy.server.close();
  }
});

test('over plain http: no HSTS, and the cookies are not Secure', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL! });
  try {
    const { pageHeaders, cookies } = await signUpIn(context);
    expect(pageHeaders['strict-transport-security']).toBeUndefined();
    expect(pageHeaders['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(sessionCookie(cookies)).toMatchObject({
      name: 'next-auth.session-token',
      secure: false,
      httpOnly: true,
    });
    for (const c of cookies) expect(c, c.name).toMatchObject({ secure: false });
  } finally {
    await context.close();
  }
});
