import type { DropRef } from '@necp/shared';
import type { ZoneDrop } from '@necp/game';
import type { Zone } from '../zone/zone';

/** Shows new drops in the zone and describes them for an ack. */
export function toDropRefs(zone: Zone, drops: readonly ZoneDrop[]): DropRef[] {
  const refs: DropRef[] = [];
  for (const d of drops) {
    const e = zone.addDrop(d);
    if (e)
      refs.push({
        eid: e.eid,
        item: { templateId: d.templateId, quantity: d.quantity, rarity: d.rarity },
      });
  }
  return refs;
}
