import {
  blocksOffHand,
  equipmentSlotsFor,
  type EquipmentSlot,
  type TemplateSlot,
} from '@necp/shared';

export interface EquipTarget {
  /** where the item goes */
  slot: EquipmentSlot;
  /** occupied slots whose items must go back to the bag */
  displace: EquipmentSlot[];
}

/**
 * Pure slot rules: a two-handed weapon takes main_hand and frees off_hand; an
 * off-hand item pushes out a two-hander; cyberware takes the requested cyber slot,
 * else the first empty one, else cyber_1. `occupied` maps slot → the template slot
 * of what is there. Null when `requested` is not a slot this item fits.
 */
export function equipTarget(
  templateSlot: TemplateSlot,
  occupied: ReadonlyMap<EquipmentSlot, TemplateSlot | undefined>,
  requested?: EquipmentSlot,
): EquipTarget | null {
  const fits = equipmentSlotsFor(templateSlot);
  let slot: EquipmentSlot | undefined;
  if (requested !== undefined) {
    if (!fits.includes(requested)) return null;
    slot = requested;
  } else {
    slot = fits.find((s) => !occupied.has(s)) ?? fits[0];
  }
  if (!slot) return null;
  const displace = new Set<EquipmentSlot>([slot]);
  if (blocksOffHand(templateSlot)) displace.add('off_hand');
  if (slot === 'off_hand' && occupied.has('main_hand') && blocksOffHand(occupied.get('main_hand')))
    displace.add('main_hand');
  return { slot, displace: [...displace].filter((s) => occupied.has(s)) };
}
