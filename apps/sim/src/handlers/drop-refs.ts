import type { DropRef } from '@necp/shared';
import type { ZoneDrop } from '@necp/game';
import type { Zone } from '../zone/zone';

/** Shows new drops in the zone (all in the next tick, in order) and describes them for an ack. */
export async function toDropRefs(zone: Zone, drops: readonly ZoneDrop[]): Promise<DropRef[]> {
  const shown = await Promise.all(drops.map((drop) => zone.ask({ k: 'drop_add', drop })));
  const refs: DropRef[] = [];
  for (const [i, d] of drops.entries()) {
    const e = shown[i];
    if (e)
      refs.push({
        eid: e.eid,
        item: { templateId: d.templateId, quantity: d.quantity, rarity: d.rarity },
      });
  }
  return refs;
}
