/** Reads drop and crate entities from the wire into what the client keeps. */
import { fromCm, type EntityInfo } from '@necp/shared';
import { templateOf } from '../items/templates';
import type { GroundCrate, GroundDrop } from './interaction';

export function groundDrop(e: EntityInfo): GroundDrop {
  const templateId = e.item?.templateId ?? '';
  return {
    eid: e.eid,
    templateId,
    // the template's name wins: the entity name may be generic ("Loot")
    name: templateOf(templateId)?.name ?? e.name,
    rarity: e.item?.rarity ?? templateOf(templateId)?.rarity ?? 'common',
    quantity: e.item?.quantity ?? 1,
    x: fromCm(e.x),
    y: fromCm(e.y),
    ownerCharacterId: e.ownerCharacterId ?? null,
    ownerName: e.ownerName ?? null,
    freeAt: e.freeAt ?? 0,
    partyId: e.partyId ?? null,
    rolling: e.rollUntil !== undefined,
  };
}

export function groundCrate(e: EntityInfo): GroundCrate {
  return { eid: e.eid, name: e.name, x: fromCm(e.x), y: fromCm(e.y) };
}
