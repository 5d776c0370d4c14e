/**
 * Test-only helpers for the loot tests (not exported from the package): the zone their
 * drops lie in, and a crate roll that is sure to give items.
 */
import type { TestDeps } from '../accounts/test-deps';
import { createLootDrop, type LootDropResult } from './create-loot-drop';

// Not Watson: the sim tests load Watson's drops at every boot, and a test that
// sweeps with a clock moved minutes ahead must not destroy another suite's drops.
export const ZONE = 'westbrook';

/**
 * Rolls the Watson crate table until it gives at least one item (a roll may come
 * up empty); `eddies` sums every roll's.
 */
export async function lootSome(
  deps: TestDeps,
  ownerCharacterId: string | null,
  at = { x: 100, y: 100 },
): Promise<LootDropResult> {
  let eddies = 0;
  for (let i = 0; i < 20; i++) {
    const res = await createLootDrop(deps, {
      zoneId: ZONE,
      ...at,
      tableId: 'crate_watson_common',
      level: 1,
      ownerCharacterId,
    });
    eddies += res.eddies;
    if (res.drops.length > 0) return { drops: res.drops, eddies };
  }
  throw new Error('the crate table kept rolling nothing');
}
