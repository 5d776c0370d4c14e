import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ack, CombatUseResult } from '@necp/shared';
import { testDb } from '../testing/test-db';
import { bootTestSim, createPlayerAt, type TestSim } from '../testing/test-sim';

const db = testDb();
let sim: TestSim;
beforeEach(async () => {
  // as in production: commands wait in the zone's inbox for the next tick
  sim = await bootTestSim(db, { applyCommands: 'in-tick' });
});
afterEach(() => sim.close());
afterAll(() => db.$disconnect());

describe('commands wait for the tick', () => {
  it('combat:use is judged and rolled in the next tick, and acked from it', async () => {
    const punk = [...sim.watson.npcs.npcs()].find((n) => n.spawnId === 'watson-punks-plaza');
    if (!punk) throw new Error('no punk');
    const p = await createPlayerAt(db, punk.x, punk.y - 5);
    const { client } = await sim.stepUntil(sim.join(p));
    const before = punk.health;

    let ack: Ack<CombatUseResult> | undefined;
    const sent = client.command('combat:use', { ability: 'solo_power_shot', target: punk.eid });
    void sent.then((a) => (ack = a));
    await client.sync(); // the command has arrived: it waits in the inbox
    expect(sim.watson.inboxSize).toBe(1);
    expect(ack).toBeUndefined();
    expect(punk.health).toBe(before);
    client.take('zone:snapshot');

    const tick = sim.watson.tick + 1;
    sim.step();
    expect(await sent).toEqual({ ok: true, data: { ability: 'solo_power_shot', castMs: 0 } });
    expect(sim.watson.inboxSize).toBe(0);
    // resolved in that tick: its snapshot carries the shot
    const snap = await client.next('zone:snapshot');
    expect(snap.t).toBe(tick);
    expect(snap.ev?.some((e) => e.ab === 'solo_power_shot' && e.dst === punk.eid)).toBe(true);

    // a refusal comes the same way, in the one typed form
    const again = client.command('combat:use', { ability: 'solo_power_shot', target: punk.eid });
    expect(await sim.stepUntil(again)).toEqual({
      ok: false,
      error: { code: 'COOLDOWN', message: expect.any(String) },
    });
  });

  it('zone:move is acked once the tick took the input', async () => {
    const p = await createPlayerAt(db, 200, 200);
    const { client } = await sim.stepUntil(sim.join(p));
    const moved = client.move({ seq: 1, dx: 1, dy: 0, ms: 50 });
    await client.sync();
    expect(sim.watson.inboxSize).toBe(1);
    client.take('zone:snapshot');
    sim.step();
    expect(await moved).toEqual({ ok: true, data: undefined });
    expect((await client.next('zone:snapshot')).ack).toBe(1);
  });
});
