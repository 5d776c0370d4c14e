import { describe, expect, it } from 'vitest';
import { BASE_MOVE_SPEED, MOVE_TIME_TOLERANCE, TICK_MS, toCm } from '@necp/shared';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';
import { MAX_QUEUED_INPUTS } from '../zone/player';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

describe('zone:move', () => {
  it('applies inputs at the next tick; the snapshot carries the position and the acked seq', async () => {
    const p = await createPlayerAt(db, 100, 100);
    const { client } = await sim.join(p);
    expect(await client.move({ seq: 1, dx: 1, dy: 0, ms: 50 })).toMatchObject({ ok: true });
    expect(await client.move({ seq: 2, dx: 0, dy: 1, ms: 50 })).toMatchObject({ ok: true });
    sim.step();
    const snap = await client.next('zone:snapshot');
    // a fresh entity's budget is one tick (55 ms with tolerance): the second input only gets the 5 ms left
    expect(snap).toEqual({
      t: sim.watson.tick,
      ack: 2,
      me: [10030, 10003],
      mv: [],
      add: [],
      del: [],
    });
    await client.move({ seq: 3, dx: 0, dy: 1, ms: 45 });
    sim.step();
    expect((await client.next('zone:snapshot')).me).toEqual([10030, 10030]);
  });

  it('corrects a speed hack: 100 inputs flooded in one tick move no further than the time budget', async () => {
    const p = await createPlayerAt(db, 100, 100);
    const { client } = await sim.join(p);
    const acks = await Promise.all(
      Array.from({ length: 100 }, (_, i) => client.move({ seq: i + 1, dx: 1, dy: 0, ms: 100 })),
    );
    expect(acks.filter((a) => a.ok)).toHaveLength(MAX_QUEUED_INPUTS);
    expect(acks.find((a) => !a.ok)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'RATE_LIMITED' }),
    });
    sim.step();
    const snap = await client.next('zone:snapshot');
    const budgetCm = toCm((BASE_MOVE_SPEED * TICK_MS * (1 + MOVE_TIME_TOLERANCE)) / 1000);
    expect(snap.me[0] - 10000).toBeGreaterThan(0);
    expect(snap.me[0] - 10000).toBeLessThanOrEqual(budgetCm);
    expect(snap.ack).toBe(MAX_QUEUED_INPUTS);
  });

  it('keeps the character inside the zone bounds', async () => {
    const p = await createPlayerAt(db, 0.2, 511.9);
    const { client } = await sim.join(p);
    for (let seq = 1; seq <= 3; seq++) {
      await client.move({ seq, dx: -1, dy: 1, ms: 50 });
      sim.step();
    }
    await client.sync();
    expect(client.take('zone:snapshot').at(-1)?.me).toEqual([0, 51200]);
  });

  it('is silent when nothing changes for a client', async () => {
    const p = await createPlayerAt(db, 50, 50);
    const { client } = await sim.join(p);
    sim.step(5);
    await client.sync();
    expect(client.pending('zone:snapshot')).toBe(0);
  });
});

describe('area of interest between two clients', () => {
  it('adds a player entering view and deletes it once it walks out', async () => {
    // the west edge between Cold Storage and the Pawn Shop: no NPC within view
    const a = await createPlayerAt(db, 30, 110);
    const b = await createPlayerAt(db, 30, 160); // 50 m apart: outside VIEW_RADIUS (48)
    const ca = (await sim.join(a)).client;
    const { client: cb, welcome: wb } = await sim.join(b);
    const walk = async (dy: number, ticks: number) => {
      for (let i = 0; i < ticks; i++) {
        await cb.move({ seq: ++seq, dx: 0, dy, ms: TICK_MS });
        sim.step();
      }
      await ca.sync();
      await cb.sync();
    };
    let seq = 0;

    sim.step();
    await ca.sync();
    expect(ca.take('zone:snapshot')).toEqual([]);

    await walk(-1, 10); // 47 m
    const entered = ca.take('zone:snapshot').flatMap((s) => s.add);
    expect(entered).toEqual([
      {
        eid: wb.self.eid,
        kind: 'player',
        name: b.character.name,
        level: 1,
        health: 110,
        maxHealth: 110,
        x: 3000,
        y: expect.any(Number),
        classId: 'solo',
        origin: b.character.origin,
      },
    ]);
    const bSaw = cb.take('zone:snapshot').flatMap((s) => s.add.map((e) => e.name));
    expect(bSaw).toEqual([a.character.name]);

    await walk(1, 40); // 59 m: past LEAVE_RADIUS (56)
    const snaps = ca.take('zone:snapshot');
    expect(snaps.flatMap((s) => s.mv).every(([eid]) => eid === wb.self.eid)).toBe(true);
    expect(snaps.flatMap((s) => s.del)).toEqual([wb.self.eid]);
    expect(cb.take('zone:snapshot').flatMap((s) => s.del)).toHaveLength(1);
  });
});
