// Achievement titles on nameplates through the real sim socket: a title chosen before
// entering is in the welcome and in the description others get; one chosen (or
// cleared) in the world — achievements.setTitle publishes character.title_changed —
// reaches everyone who sees the character in the next snapshot, as the same entity
// described again (it keeps moving smoothly after).
import { describe, expect, it } from 'vitest';
import { drainOutbox, publishEvent, setAchievementTitle } from '@necp/game';
import { simOutboxSubscribers } from '../worker/outbox-wiring';
import { seen } from '../testing/loot-kit';
import { outboxTestDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';

// this file drains the outbox: it has a database of its own (OUTBOX_TEST_DATABASES)
const db = outboxTestDb('simTitles');
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

async function drain(): Promise<void> {
  const r = await drainOutbox(sim.deps, simOutboxSubscribers(sim.deps), {
    push: sim.server.pushes,
    untilEmpty: true,
  });
  expect(r.failures).toBe(0);
}

/** A character that earned "Well Connected" (10 friends at once): the title "the Connected". */
async function connected(x: number, y: number) {
  const p = await createPlayerAt(db, x, y);
  const other = await createPlayerAt(db, x + 1, y);
  await db.$transaction((tx) =>
    publishEvent(tx, {
      type: 'friend.added',
      key: `friend.added:test:${p.characterId}`,
      payload: {
        characters: [
          { characterId: p.characterId, friends: 10 },
          { characterId: other.characterId, friends: 1 },
        ],
      },
    }),
  );
  await drain();
  return p;
}

const setTitle = (characterId: string, titleId: string | null) =>
  setAchievementTitle(sim.deps, { characterId, titleId });

describe('titles on nameplates', () => {
  it("a title chosen before entering is in the welcome and on others' screens", async () => {
    const a = await connected(40, 110);
    await setTitle(a.characterId, 'title_connected');
    await drain();
    const b = await createPlayerAt(db, 44, 112);
    const cb = (await sim.join(b)).client;
    const { welcome } = await sim.join(a);
    expect(welcome.self.title).toBe('the Connected');
    const addedA = (await seen(sim, cb)).find((e) => e.name === a.character.name);
    expect(addedA?.title).toBe('the Connected');
    // one with none chosen wears none
    const cc = (await sim.join(await createPlayerAt(db, 42, 111))).client;
    const addedB = (await seen(sim, cc)).find((e) => e.name === b.character.name);
    expect(addedB).toBeDefined();
    expect(addedB?.title).toBeUndefined();
  });

  it('a title chosen in the world reaches whoever sees the character in the next snapshot', async () => {
    const a = await connected(60, 120);
    const b = await createPlayerAt(db, 64, 121);
    const ca = (await sim.join(a)).client;
    const cb = (await sim.join(b)).client;
    const before = (await seen(sim, cb)).find((e) => e.name === a.character.name);
    expect(before).toBeDefined();
    expect(before?.title).toBeUndefined();
    const eid = before!.eid;

    await setTitle(a.characterId, 'title_connected');
    await drain();
    const again = (await seen(sim, cb)).filter((e) => e.eid === eid);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ name: a.character.name, title: 'the Connected' });
    expect(again[0]?.x).toBe(before?.x);
    // nothing more about it until it changes again
    expect((await seen(sim, cb)).filter((e) => e.eid === eid)).toEqual([]);

    // it walks on: B's snapshots move the same entity from where the new description put it
    for (let seq = 1; seq <= 4; seq++) {
      expect(await ca.move({ seq, dx: 1, dy: 0, ms: 50 })).toMatchObject({ ok: true });
      sim.step();
    }
    sim.step(2);
    await cb.sync();
    const moves = cb.take('zone:snapshot').flatMap((s) => s.mv.filter(([e]) => e === eid));
    expect(moves.length).toBeGreaterThan(0);
    const [, x] = moves.at(-1)!;
    expect(x).toBeGreaterThan(before!.x);
    expect(x - before!.x).toBeLessThan(500); // cm: a few steps, not a jump

    // cleared: described again without one
    await setTitle(a.characterId, null);
    await drain();
    const cleared = (await seen(sim, cb)).filter((e) => e.eid === eid);
    expect(cleared).toHaveLength(1);
    expect(cleared[0]?.title).toBeUndefined();
  });
});
