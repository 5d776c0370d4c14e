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
    const base = await serve(healthHandler(new Map([['watson', kit.zone]]), () => false, metrics));

    const all = (await (await fetch(`${base}/metrics`)).json()) as SimMetrics;
    expect(all.zones.watson).toMatchObject({ ticks: 5, samples: 5, p50: 3, max: 40, players: 1 });
    expect(all.process.rss).toBeGreaterThan(0);
    expect(all.process.heapUsed).toBeGreaterThan(0);
    expect(all.process.cpuUserMs + all.process.cpuSystemMs).toBeGreaterThan(0);
    expect(all.uptimeMs).toBeGreaterThan(0);

    metrics.zone('watson').record(7);
    const res = await fetch(`${base}/metrics?since=${all.zones.watson?.ticks}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const windowed = (await res.json()) as SimMetrics;
    expect(windowed.zones.watson).toMatchObject({ ticks: 6, samples: 1, p50: 7, max: 7 });
  });

  it('reports a zone whose loop has not ticked yet as zeros, and keeps /health as it was', async () => {
    const kit = zoneKit();
    const base = await serve(
      healthHandler(new Map([['watson', kit.zone]]), () => false, new TickMetrics()),
    );
    const m = (await (await fetch(`${base}/metrics?since=junk`)).json()) as SimMetrics;
    expect(m.zones.watson).toMatchObject({ ticks: 0, samples: 0, max: 0, players: 0 });
    const health = await fetch(`${base}/health`);
    expect(await health.json()).toEqual({
      status: 'ok',
      zones: [{ id: 'watson', tick: 0, players: 0 }],
    });
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
  });
});
