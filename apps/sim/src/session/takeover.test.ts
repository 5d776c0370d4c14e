import { describe, expect, it, vi } from 'vitest';
import { createTestCharacter } from '@necp/db/testing';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';
import { WAIT } from '../testing/eventually';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

describe('one session per account', () => {
  it('a second connection for the same character takes over and continues the entity', async () => {
    const p = await createPlayerAt(db, 300, 300);
    const first = await sim.join(p);
    for (let seq = 1; seq <= 3; seq++) {
      await first.client.move({ seq, dx: 1, dy: 0, ms: 50 });
      sim.step();
    }
    await first.client.sync();
    const me = first.client.take('zone:snapshot').at(-1)?.me;

    const second = await sim.join(p);
    expect(await first.client.next('session:kicked')).toEqual({
      reason: 'takeover',
      message: expect.any(String),
    });
    expect(await first.client.next('disconnect')).toBe('io server disconnect');
    expect(second.welcome).toMatchObject({
      resumed: true,
      lastSeq: 3,
      self: { eid: first.welcome.self.eid, x: me?.[0], y: me?.[1] },
    });
    expect(sim.watson.playerCount).toBe(1);

    // the old socket's disconnect must not start a reconnect window for the new one
    await second.client.move({ seq: 4, dx: 1, dy: 0, ms: 50 });
    sim.step();
    expect((await second.client.next('zone:snapshot')).ack).toBe(4);
    expect(sim.watson.player(p.characterId)?.droppedAt).toBeNull();
  });

  it('another character of the same account takes over: the first one leaves the world and is saved', async () => {
    const p = await createPlayerAt(db, 100, 100);
    const alt = await createTestCharacter(db, p.userId, { x: 102, y: 100 });
    const watcher = await createPlayerAt(db, 104, 100);
    const w = await sim.join(watcher);

    const first = await sim.join(p);
    await first.client.move({ seq: 1, dx: 0, dy: 1, ms: 50 });
    sim.step();
    await w.client.sync();
    expect(w.client.take('zone:snapshot').flatMap((s) => s.add.map((e) => e.eid))).toEqual([
      first.welcome.self.eid,
    ]);

    const second = await sim.join({ userId: p.userId, characterId: alt.id });
    expect((await first.client.next('session:kicked')).reason).toBe('takeover');
    expect(second.welcome).toMatchObject({ resumed: false, self: { characterId: alt.id } });
    expect(sim.watson.player(p.characterId)).toBeUndefined();

    // a watcher's next frame is due within SNAPSHOT_EVERY_TICKS
    sim.step(2);
    await w.client.sync();
    const snaps = w.client.take('zone:snapshot');
    expect(snaps.flatMap((s) => s.del)).toEqual([first.welcome.self.eid]);
    expect(snaps.flatMap((s) => s.add.map((e) => e.eid))).toEqual([second.welcome.self.eid]);

    await vi.waitFor(async () => {
      const row = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
      expect([row.x, row.y]).toEqual([100, 100.3]);
    }, WAIT);
  });
});
