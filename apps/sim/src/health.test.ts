import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { healthHandler, type SimMetrics } from './health';
import { zoneKit } from './testing/zone-kit';
import { TickMetrics } from './zone/tick-metrics';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => server?.close(r));
  server = undefined;
});

const TOKEN = 'operator-token-0123456789';
const asOperator = { headers: { authorization: `Bearer ${TOKEN}` } };

async function serve(handler: ReturnType<typeof healthHandler>): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('GET /metrics', () => {
  it('reports each zone’s tick durations and players, windowed by ?since=', async () => {
    const kit = zoneKit();
    kit.join('m1', 100, 100);
    const metrics = new TickMetrics();
    for (const ms of [1, 2, 3, 4, 40]) metrics.zone('watson').record(ms);
    const base = await serve(
      healthHandler({
        zones: new Map([['watson', kit.zone]]),
        isClosing: () => false,
        metrics,
        metricsToken: TOKEN,
      }),
    );

    const all = (await (await fetch(`${base}/metrics`, asOperator)).json()) as SimMetrics;
    expect(all.zones.watson).toMatchObject({ ticks: 5, samples: 5, p50: 3, max: 40, players: 1 });
    expect(all.process.rss).toBeGreaterThan(0);
    expect(all.process.heapUsed).toBeGreaterThan(0);
    expect(all.process.cpuUserMs + all.process.cpuSystemMs).toBeGreaterThan(0);
    expect(all.uptimeMs).toBeGreaterThan(0);

    metrics.zone('watson').record(7);
    const res = await fetch(`${base}/metrics?since=${all.zones.watson?.ticks}`, asOperator);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const windowed = (await res.json()) as SimMetrics;
    expect(windowed.zones.watson).toMatchObject({ ticks: 6, samples: 1, p50: 7, max: 7 });
  });

  it('reports a zone whose loop has not ticked yet as zeros', async () => {
    const kit = zoneKit();
    const base = await serve(
      healthHandler({
        zones: new Map([['watson', kit.zone]]),
        isClosing: () => false,
        metrics: new TickMetrics(),
        metricsToken: TOKEN,
      }),
    );
    const m = (await (await fetch(`${base}/metrics?since=junk`, asOperator)).json()) as SimMetrics;
    expect(m.zones.watson).toMatchObject({ ticks: 0, samples: 0, max: 0, players: 0 });
    expect((await fetch(`${base}/metrics`, { ...asOperator, method: 'POST' })).status).toBe(404);
  });

  it('answers only the operator token: 401 without it or with another, 404 when none is set', async () => {
    const kit = zoneKit();
    kit.join('m1', 100, 100);
    const zones = new Map([['watson', kit.zone]]);
    const base = await serve(healthHandler({ zones, isClosing: () => false, metricsToken: TOKEN }));
    for (const headers of [
      {} as Record<string, string>,
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: TOKEN },
      { authorization: `Basic ${TOKEN}` },
    ]) {
      const res = await fetch(`${base}/metrics`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(JSON.stringify(await res.json())).not.toMatch(/watson|players|rss/);
    }
    await new Promise((r) => server?.close(r));
    const off = await serve(healthHandler({ zones, isClosing: () => false }));
    expect((await fetch(`${off}/metrics`, asOperator)).status).toBe(404);
  });
});

describe('GET /health', () => {
  it('tells anyone whether the process is up, and nothing more', async () => {
    const kit = zoneKit();
    kit.join('h1', 100, 100);
    let closing = false;
    const base = await serve(
      healthHandler({
        zones: new Map([['watson', kit.zone]]),
        isClosing: () => closing,
        metricsToken: TOKEN,
        cluster: () => ({ ownerId: 'sim-a', url: 'http://a', leases: [] }),
      }),
    );
    const up = await fetch(`${base}/health`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok' });
    closing = true;
    const down = await fetch(`${base}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'shutting_down' });
  });
});
