// The gateway at the HTTP level, against the real `next start`: body caps (413)
// before anything is parsed or authenticated, JSON-only tRPC POSTs (415), the batch
// cap, and a client address X-Forwarded-For cannot choose (TRUSTED_PROXY_HOPS=0).
import { request as httpRequest } from 'node:http';
import { expect, test } from './test';
import type { APIRequestContext } from '@playwright/test';
import { uid } from './helpers';
import { startWeb } from './web-server';

const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3100);
const strongPassword = () => `Vx9!${uid()}-neon-${uid()}`;
const register = (api: APIRequestContext, baseURL: string, xff?: string) => {
  const name = `gw${uid()}${uid()}`.slice(0, 20);
  return api.post(`${baseURL}/api/trpc/auth.register`, {
    headers: { 'content-type': 'application/json', ...(xff ? { 'x-forwarded-for': xff } : {}) },
    data: { json: { email: `${name}@e2e.necp`, username: name, password: strongPassword() } },
  });
};

test('an oversized body gets 413 before the session is read, declared or streamed', async ({
  request,
}) => {
  const big = Buffer.alloc(1024 * 1024, 0x20); // 1 MiB of JSON whitespace
  const declared = await request.post('/api/trpc/auth.register', {
    headers: { 'content-type': 'application/json' },
    data: big,
  });
  expect(declared.status()).toBe(413);
  expect(await declared.json()).toMatchObject({ error: { message: /too large/ } });

  // a chunked upload with no Content-Length: refused while streaming, long before 200 MB
  const streamed = await new Promise<{ status: number; sentBytes: number }>((resolve, reject) => {
    let sentBytes = 0;
    let done = false;
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: WEB_PORT,
        method: 'POST',
        path: '/api/trpc/auth.register',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      },
      (res) => {
        done = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sentBytes });
        req.destroy();
      },
    );
    req.on('error', (e) => (done ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!done && sentBytes < 200 * 1024 * 1024) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    pump();
  });
  expect(streamed.status).toBe(413);
  expect(streamed.sentBytes).toBeLessThan(200 * 1024 * 1024);

  // next-auth's routes have their own (smaller) cap
  const auth = await request.post('/api/auth/callback/credentials', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: Buffer.alloc(64 * 1024, 0x61),
  });
  expect(auth.status()).toBe(413);
});

test('tRPC accepts only JSON POSTs (a cross-site form cannot reach a mutation)', async ({
  request,
}) => {
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
    const res = await request.post('/api/trpc/auth.register', {
      headers: { 'content-type': type },
      data: '{"json":{}}',
    });
    expect(res.status(), type).toBe(415);
  }
  const crossSite = await request.post('/api/trpc/auth.register', {
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
    data: { json: {} },
  });
  expect(crossSite.status()).toBe(403);
  // JSON from our own pages still works (a validation error, not a refusal)
  const ok = await request.post('/api/trpc/auth.register', {
    headers: { 'content-type': 'application/json' },
    data: { json: {} },
  });
  expect(ok.status()).toBe(400);
});

test('a batch over 16 calls is refused before any call runs', async ({ request }) => {
  const batch = (n: number) =>
    request.get(`/api/trpc/${Array(n).fill('auth.me').join(',')}?batch=1&input=%7B%7D`);
  const over = await batch(17);
  expect(over.status()).toBe(400);
  expect(await over.json()).toMatchObject({ error: { message: /Too many calls in one batch/ } });
  // 16 is fine: each call answers for itself (signed out: UNAUTHORIZED)
  const atCap = await batch(16);
  expect(atCap.status()).toBe(401);
  expect(await atCap.json()).toHaveLength(16);
});

const LIMIT_MESSAGE = 'Too many new accounts from your network. Try again later.';

/** register-ip allows 30 new accounts per address per hour: use them all up. */
async function useUpSignUps(api: APIRequestContext, url: string, xff: (i: number) => string) {
  for (let i = 0; i < 30; i++) {
    const res = await register(api, url, xff(i));
    expect(res.status(), await res.text()).toBe(200);
  }
}

test('rotating X-Forwarded-For does not escape the per-IP sign-up limit (TRUSTED_PROXY_HOPS=0)', async ({
  playwright,
}) => {
  test.setTimeout(180_000);
  const web = await startWeb({ TRUSTED_PROXY_HOPS: '0' });
  const api = await playwright.request.newContext();
  try {
    await useUpSignUps(api, web.url, (i) => `203.0.113.${i}, 198.51.100.${i}`);
    const refused = await register(api, web.url, '192.0.2.99');
    expect(refused.status()).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { json: { message: LIMIT_MESSAGE } } });
  } finally {
    await api.dispose();
    web.stop();
  }
});

test('behind one proxy (TRUSTED_PROXY_HOPS=1) the right-most entry is the client; entries left of it are ignored', async ({
  playwright,
}) => {
  test.setTimeout(180_000);
  const web = await startWeb({ TRUSTED_PROXY_HOPS: '1' });
  const api = await playwright.request.newContext();
  try {
    // the client rotates what it sends; the proxy appends the address it saw (203.0.113.50)
    await useUpSignUps(api, web.url, (i) => `6.6.${i}.6, 203.0.113.50`);
    const refused = await register(api, web.url, '7.7.7.7, 203.0.113.50');
    expect(refused.status()).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { json: { message: LIMIT_MESSAGE } } });
    // another client behind the same proxy has its own budget
    expect((await register(api, web.url, '6.6.0.6, 203.0.113.51')).status()).toBe(200);
  } finally {
    await api.dispose();
    web.stop();
  }
});
