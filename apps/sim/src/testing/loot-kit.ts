/** Helpers for sim tests around drops and crates. */
import { SNAPSHOT_EVERY_TICKS } from '../zone/zone-snapshots';
import { zoneById, type EntityInfo } from '@necp/shared';
import type { TestClient } from './test-client';
import type { TestSim } from './test-sim';

const watson = zoneById('watson');

/** A Watson loot_crate spawn point by id (positions come from content, not the test). */
export function crateSpawn(id: string): { x: number; y: number; name: string } {
  const s = watson?.spawnPoints.find((p) => p.id === id && p.kind === 'loot_crate');
  if (!s) throw new Error(`no loot_crate ${id} in watson`);
  return s;
}

/** Steps until the client's next frame is due and returns every entity that entered its view so far. */
export async function seen(sim: TestSim, client: TestClient): Promise<EntityInfo[]> {
  sim.step(SNAPSHOT_EVERY_TICKS);
  await client.sync();
  return client.take('zone:snapshot').flatMap((s) => s.add);
}

/** The eid of the crate the client sees (it must be in view). */
export async function crateEid(sim: TestSim, client: TestClient): Promise<number> {
  const crate = (await seen(sim, client)).find((e) => e.kind === 'crate');
  if (!crate) throw new Error('no crate in view');
  return crate.eid;
}
