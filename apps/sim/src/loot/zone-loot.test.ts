// A zone's sweep of expired drops (zone-loot.ts): on the zone's tick, every dropSweepMs of
// its clock, it destroys what lay past its despawnAt. Test sims sweep nothing unless asked:
// they share the database and the zone ids but not their clocks.
import { afterAll, describe, expect, it } from 'vitest';
import { DROP_DESPAWN_MS, TICK_MS } from '@necp/shared';
import { createLootDrop, FakeClock } from '@necp/game';
import { eventually } from '../testing/eventually';
import { testDb } from '../testing/test-db';
import { bootTestSim, type TestSim } from '../testing/test-sim';
import { DROP_SWEEP_MS } from './zone-loot';

const db = testDb();
afterAll(() => db.$disconnect());

/** Years before any other test's clock: this file's sweeps reach only its own drops. */
const PAST = Date.UTC(2020, 0, 1);

/** Drops on Watson's ground, made now by the sim's clock (a roll may come up empty). */
async function dropsIn(sim: TestSim): Promise<string[]> {
  for (let i = 0; i < 20; i++) {
    const res = await createLootDrop(sim.deps, {
      zoneId: 'watson',
      x: 100,
      y: 100,
      tableId: 'crate_watson_common',
      level: 1,
      ownerCharacterId: null,
    });
    if (res.drops.length > 0) return res.drops.map((d) => d.id);
  }
  throw new Error('the crate table kept rolling nothing');
}

const lying = (ids: string[]) => db.worldDrop.count({ where: { id: { in: ids } } });

describe('the zone’s drop sweep', () => {
  it('destroys a drop once its despawnAt has passed, at the next sweep on the tick', async () => {
    const sim = await bootTestSim(db, { clock: new FakeClock(PAST), dropSweepMs: DROP_SWEEP_MS });
    try {
      const ids = await dropsIn(sim);
      sim.step(DROP_SWEEP_MS / TICK_MS);
      await new Promise((r) => setTimeout(r, 100));
      // not yet due: the sweeps so far left it
      expect(await lying(ids)).toBe(ids.length);
      sim.clock.advance(DROP_DESPAWN_MS);
      sim.step(DROP_SWEEP_MS / TICK_MS + 1);
      await eventually('the sweep destroyed the drops', async () => (await lying(ids)) === 0);
    } finally {
      await sim.close();
    }
  });

  it('a test sim sweeps nothing unless asked', async () => {
    const sim = await bootTestSim(db, { clock: new FakeClock(PAST) });
    try {
      const ids = await dropsIn(sim);
      sim.clock.advance(DROP_DESPAWN_MS);
      sim.step(2 * (DROP_SWEEP_MS / TICK_MS));
      await new Promise((r) => setTimeout(r, 200));
      expect(await lying(ids)).toBe(ids.length);
    } finally {
      await sim.close();
    }
  });
});
