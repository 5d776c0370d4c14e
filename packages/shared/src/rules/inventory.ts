/**
 * Inventory rules shared by the domain (authority), the sim (ranges, weight) and
 * the web client (drag-and-drop previews).
 */
import { itemTemplateById } from '../content/items';
import type { EquipmentSlot, ItemTemplate, TemplateSlot } from '../content/item-schema';

/** metres from a bank terminal spawn point within which the bank can be used */
export const BANK_RANGE = 6;
/** metres from a ground drop within which it can be picked up */
export const PICKUP_RANGE = 4;
/** metres from a loot crate within which it can be opened */
export const CRATE_RANGE = 4;
/** a drop belongs to its owner (killer / opener) this long, then to anyone */
export const DROP_OWNER_MS = 60_000;
/** a drop nobody picks up is destroyed after this long (ledger sink `despawn`) */
export const DROP_DESPAWN_MS = 300_000;
/** repairing from 0 to full costs this fraction of the item's value */
export const REPAIR_COST_FACTOR = 0.5;

/** The fields of an Item row that decide whether two stacks may merge. */
export interface StackableItem {
  templateId: string;
  quantity: number;
  durability?: number | null;
  boundCharacterId?: string | null;
}

const stackSizeOf = (templateId: string) => itemTemplateById(templateId)?.stackSize ?? 1;

/**
 * Two stacks may merge when they are the same template, the template stacks
 * (stackSize > 1), neither carries durability and both are bound to the same
 * character (or neither is bound). Room left is `stackSpace`, not checked here.
 * `stackSize` defaults to the content template's.
 */
export function canStack(
  a: StackableItem,
  b: StackableItem,
  stackSize = stackSizeOf(a.templateId),
): boolean {
  return (
    a.templateId === b.templateId &&
    stackSize > 1 &&
    a.durability == null &&
    b.durability == null &&
    (a.boundCharacterId ?? null) === (b.boundCharacterId ?? null)
  );
}

/** How many more units fit on this stack. */
export function stackSpace(item: StackableItem, stackSize = stackSizeOf(item.templateId)): number {
  return Math.max(0, stackSize - item.quantity);
}

/** Eddies to bring an item back to full durability (0 when it has none or is full). */
export function repairCost(
  template: Pick<ItemTemplate, 'value' | 'maxDurability'>,
  durability: number | null | undefined,
): number {
  const max = template.maxDurability;
  if (!max || durability == null) return 0;
  const missing = Math.min(max, Math.max(0, max - durability));
  if (missing === 0) return 0;
  return Math.max(1, Math.ceil((template.value * REPAIR_COST_FACTOR * missing) / max));
}

/**
 * Equipment slots a template may occupy. A two-handed weapon goes in main_hand
 * and also needs off_hand empty (see `blocksOffHand`); cyberware fits either cyber slot.
 */
export function equipmentSlotsFor(slot: TemplateSlot): EquipmentSlot[] {
  if (slot === 'two_hand') return ['main_hand'];
  if (slot === 'cyberware') return ['cyber_1', 'cyber_2'];
  return [slot];
}

export const blocksOffHand = (slot: TemplateSlot | undefined) => slot === 'two_hand';

/** Why a character cannot equip a template (a player-facing sentence), or null if it can. */
export function equipRefusal(
  template: Pick<ItemTemplate, 'slot' | 'levelReq' | 'classReq' | 'name'>,
  character: { level: number; class: string },
): string | null {
  if (!template.slot) return `${template.name} cannot be equipped`;
  if (character.level < template.levelReq)
    return `You need level ${template.levelReq} to equip ${template.name}`;
  const classes: readonly string[] | undefined = template.classReq;
  if (classes && classes.length > 0 && !classes.includes(character.class))
    return `Only ${classes.join(' / ')} can equip ${template.name}`;
  return null;
}

/** Total kg of stacks (bag + equipment is what slows a character down). */
export function carriedWeight(
  stacks: readonly { quantity: number; template: Pick<ItemTemplate, 'weight'> }[],
): number {
  let kg = 0;
  for (const s of stacks) kg += s.template.weight * s.quantity;
  return Math.round(kg * 100) / 100;
}
