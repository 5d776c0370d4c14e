import { describe, expect, it, vi } from 'vitest';
import { RECONNECT_GRACE_MS } from '@necp/shared';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';
import { WAIT } from '../testing/eventually';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

/** Joins, walks 2 ticks east, and returns the client with its last server position. */
async function joinAndWalk(p: { userId: string; characterId: string }) {
  const joined = await sim.join(p);
  for (let seq = 1; seq <= 2; seq++) {
    await joined.client.move({ seq, dx: 1, dy: 0, ms: 50 });
    sim.step();
  }
  await joined.client.sync();
  const me = joined.client.take('zone:snapshot').at(-1)?.me;
  return { ...joined, me };
}

async function dropAndWait(client: { close(): void }, characterId: string) {
  client.close();
  await vi.waitFor(() => expect(sim.watson.player(characterId)?.conn).toBeNull(), WAIT);
}

describe('reconnect window', () => {
  it('a dropped client that reconnects within the window resumes its entity', async () => {
    const p = await createPlayerAt(db, 200, 200);
    const watcher = await sim.join(await createPlayerAt(db, 205, 200));
    const first = await joinAndWalk(p);
    await dropAndWait(first.client, p.characterId);

    sim.clock.advance(RECONNECT_GRACE_MS - 1000);
    sim.step();
    await watcher.client.sync();
    expect(watcher.client.take('zone:snapshot').flatMap((s) => s.del)).toEqual([]);

    const again = await sim.join(p);
    expect(again.welcome).toMatchObject({
      resumed: true,
      lastSeq: 2,
      self: { eid: first.welcome.self.eid, x: first.me?.[0], y: first.me?.[1] },
    });
    sim.clock.advance(RECONNECT_GRACE_MS);
    sim.step();
    expect(sim.watson.player(p.characterId)?.conn).not.toBeNull();
  });

  it('after the window the entity is saved and removed; others see it leave', async () => {
    const p = await createPlayerAt(db, 200, 200);
    const watcher = await sim.join(await createPlayerAt(db, 205, 200));
    const first = await joinAndWalk(p);
    await dropAndWait(first.client, p.characterId);

    sim.clock.advance(RECONNECT_GRACE_MS);
    sim.step();
    await watcher.client.sync();
    expect(watcher.client.take('zone:snapshot').flatMap((s) => s.del)).toEqual([
      first.welcome.self.eid,
    ]);
    expect(sim.watson.player(p.characterId)).toBeUndefined();
    await vi.waitFor(async () => {
      const row = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
      expect([row.x, row.y]).toEqual([200.6, 200]);
    }, WAIT);

    const back = await sim.join(p);
    expect(back.welcome).toMatchObject({
      resumed: false,
      lastSeq: 0,
      self: { x: 20060, y: 20000 },
    });
    expect(back.welcome.self.eid).not.toBe(first.welcome.self.eid);
  });

  it('others see a dropped character marked disconnected, unmarked when it reconnects', async () => {
    const p = await createPlayerAt(db, 200, 200);
    const watcher = await sim.join(await createPlayerAt(db, 205, 200));
    const first = await joinAndWalk(p);
    const eid = first.welcome.self.eid;
    const described = async () => {
      sim.step(3); // an idle watcher gets a frame every few ticks
      await watcher.client.sync();
      return watcher.client
        .take('zone:snapshot')
        .flatMap((s) => s.add)
        .filter((e) => e.eid === eid);
    };
    expect((await described()).every((e) => !e.disconnected)).toBe(true);

    await dropAndWait(first.client, p.characterId);
    expect(await described()).toMatchObject([
      { eid, name: first.welcome.self.name, disconnected: true },
    ]);
    // one who comes into view meanwhile is told at once
    const late = await sim.join(await createPlayerAt(db, 195, 200));
    sim.step();
    await late.client.sync();
    const seen = late.client
      .take('zone:snapshot')
      .flatMap((s) => s.add)
      .find((e) => e.eid === eid);
    expect(seen?.disconnected).toBe(true);

    await sim.join(p);
    const again = await described();
    expect(again).toHaveLength(1);
    expect(again[0]!.disconnected).toBeUndefined();
  });
});
