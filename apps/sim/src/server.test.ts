import { afterAll, describe, expect, it, vi } from 'vitest';
import { POSITION_FLUSH_MS } from '@necp/shared';
import { createSimServer } from './server';
import { testDb } from './testing/test-db';
import { TEST_METRICS_TOKEN, bootTestSim, createPlayerAt, metricsOf } from './testing/test-sim';
import { WAIT } from './testing/eventually';

const db = testDb();
afterAll(() => db.$disconnect());

describe('sim server lifecycle', () => {
  it('flushes positions of online players every POSITION_FLUSH_MS', async () => {
    const sim = await bootTestSim(db);
    try {
      const p = await createPlayerAt(db, 50, 50);
      const { client } = await sim.join(p);
      await client.move({ seq: 1, dx: 0, dy: 1, ms: 50 });
      sim.step();
      sim.clock.advance(POSITION_FLUSH_MS);
      sim.step();
      await vi.waitFor(async () => {
        expect((await db.character.findUniqueOrThrow({ where: { id: p.characterId } })).y).toBe(
          50.3,
        );
      }, WAIT);
    } finally {
      await sim.close();
    }
  });

  it('on shutdown kicks clients, saves positions, and a new server puts players back where they were', async () => {
    const p = await createPlayerAt(db, 400, 400);
    const first = await bootTestSim(db);
    const { client } = await first.join(p);
    for (let seq = 1; seq <= 4; seq++) {
      await client.move({ seq, dx: -1, dy: 0, ms: 50 });
      first.step();
    }
    await first.server.close();
    expect(await client.next('session:kicked')).toEqual({
      reason: 'server_shutdown',
      message: expect.any(String),
    });
    const row = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
    expect(row.x).toBeCloseTo(398.8, 9);
    expect(row.lastPlayedAt).not.toBeNull();
    await first.close();

    const second = await bootTestSim(db);
    try {
      const { welcome } = await second.join(p);
      expect(welcome).toMatchObject({ resumed: false, self: { x: 39880, y: 40000 } });
    } finally {
      await second.close();
    }
  });

  it('rejects when the port is taken', async () => {
    const sim = await bootTestSim(db);
    try {
      await expect(
        createSimServer({
          deps: sim.deps,
          port: sim.server.port,
          host: '127.0.0.1',
          autoTick: false,
        }),
      ).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await sim.close();
    }
  });

  it('npcs: false (SIM_NPCS=off) boots every zone without NPCs', async () => {
    const sim = await bootTestSim(db);
    const bare = await createSimServer({
      deps: sim.deps,
      port: 0,
      host: '127.0.0.1',
      autoTick: false,
      npcs: false,
    });
    try {
      expect([...(sim.server.zones.get('watson')?.npcs.npcs() ?? [])].length).toBeGreaterThan(0);
      for (const zone of bare.zones.values()) expect([...zone.npcs.npcs()]).toEqual([]);
    } finally {
      await bare.close();
      await sim.close();
    }
  });

  it('serves a bare GET /health to anyone and GET /metrics to the operator token only', async () => {
    const sim = await bootTestSim(db);
    const base = `http://127.0.0.1:${sim.server.port}`;
    try {
      const res = await fetch(`${base}/health`);
      expect(res.status).toBe(200);
      // liveness only: zones, players and the cluster's leases are not the public's
      expect(await res.json()).toEqual({ status: 'ok' });
      expect((await fetch(`${base}/nope`)).status).toBe(404);

      for (const authorization of [undefined, 'Bearer wrong-token-0123456789', TEST_METRICS_TOKEN])
        expect(
          (await fetch(`${base}/metrics`, authorization ? { headers: { authorization } } : {}))
            .status,
        ).toBe(401);
      const m = await metricsOf<{ zones: Record<string, { players: number }>; cluster: unknown }>(
        base,
      );
      expect(Object.keys(m.zones)).toEqual(['watson', 'westbrook', 'city-center']);
      expect(m.cluster).toEqual({
        // one process without Redis: in-memory leases, it owns every zone
        ownerId: `local-${process.pid}`,
        url: 'http://localhost:0',
        leases: [
          { zoneId: 'city-center', token: 1 },
          { zoneId: 'watson', token: 1 },
          { zoneId: 'westbrook', token: 1 },
        ],
      });
    } finally {
      await sim.close();
    }
  });

  it('runs the three districts side by side; a zone whose tick fails does not stop the others', async () => {
    // the sabotaged ticks are logged as errors on purpose: keep them out of the test output
    const sim = await bootTestSim(db, { logLevel: 'silent' });
    try {
      expect([...sim.server.zones.keys()]).toEqual(['watson', 'westbrook', 'city-center']);
      const westbrook = sim.server.zones.get('westbrook');
      if (!westbrook) throw new Error('westbrook missing');
      // sabotage one zone's tick: step() logs it and the zone (and the others) keep going
      const broken = vi.spyOn(westbrook.combat, 'step').mockImplementation(() => {
        throw new Error('westbrook exploded');
      });
      const p = await createPlayerAt(db, 50, 50);
      const { client } = await sim.join(p);
      await client.move({ seq: 1, dx: 1, dy: 0, ms: 50 });
      sim.step(3);
      expect(broken).toHaveBeenCalledTimes(3);
      expect((await client.next('zone:snapshot')).ack).toBe(1);
      expect([...sim.server.zones.values()].map((z) => z.tick)).toEqual([3, 3, 3]);
      broken.mockRestore();
    } finally {
      await sim.close();
    }
  });
});
