import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openLoop } from './open-loop';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A server that holds every answer until `n` requests have arrived, then answers all. */
async function holdingServer(n: number, status: (path: string) => number) {
  const held: { res: http.ServerResponse; path: string }[] = [];
  server = http.createServer((req, res) => {
    held.push({ res, path: req.url ?? '' });
    if (held.length < n) return;
    for (const h of held) h.res.writeHead(status(h.path)).end('{"ok":true}');
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe('openLoop', () => {
  it('keeps sending on schedule while nothing is answered, and counts latency from when each was due', async () => {
    // 100 requests at 100/s: the server answers none until the last has arrived, so a
    // closed loop would stall; the first request was due 990 ms before the last one
    const origin = await holdingServer(100, () => 200);
    const r = await openLoop({
      origin,
      rate: 100,
      seconds: 1,
      request: (i) => ({ method: 'GET', path: `/r/${i}` }),
    });
    expect(r.sent).toBe(100);
    expect(r.ok).toBe(100);
    expect(r.errors).toEqual({});
    expect(r.max).toBeGreaterThanOrEqual(990);
    expect(r.p50).toBeLessThan(r.max);
  });

  it('counts non-2xx answers and refused bodies as errors, not as latencies', async () => {
    const origin = await holdingServer(20, (p) => (p.endsWith('0') ? 500 : 200));
    const r = await openLoop({
      origin,
      rate: 200,
      seconds: 0.1,
      request: (i) => ({ method: 'POST', path: `/r/${i}`, body: '{}' }),
      check: (_s, body) => (body.includes('"ok":true') ? undefined : 'bad body'),
    });
    expect(r.sent).toBe(20);
    expect(r.errors).toEqual({ 500: 2 });
    expect(r.ok).toBe(18);
  });
});
