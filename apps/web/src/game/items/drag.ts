/**
 * Drag-and-drop between bag, equipment, bank and the street, reduced to intents.
 * Pure: the panels call `resolveDrop` and hand the intent to the API/sim; the
 * server decides whether it is allowed (we only avoid sending nonsense).
 */
import type { EquipmentSlot } from '@necp/shared';

export type ItemLocation =
  | { container: 'bag'; slot: number }
  | { container: 'equipment'; slot: EquipmentSlot }
  | { container: 'bank'; slot: number };

export type DropTarget = ItemLocation | { container: 'ground' };

export interface DragPayload {
  itemId: string;
  templateId: string;
  quantity: number;
  from: ItemLocation;
  /** shift held when the drag began: split the stack instead of moving it */
  split: boolean;
}

export type ItemIntent =
  | { kind: 'move'; itemId: string; toSlot: number }
  | { kind: 'split'; itemId: string; toSlot: number; max: number; to: 'bag' }
  | { kind: 'equip'; itemId: string; slot?: EquipmentSlot }
  /** without toSlot the server picks (first free slot / matching stacks) */
  | { kind: 'unequip'; itemId: string; toSlot?: number }
  | { kind: 'deposit'; itemId: string; toSlot?: number }
  | { kind: 'withdraw'; itemId: string; toSlot?: number }
  | { kind: 'bankMove'; itemId: string; toSlot: number }
  | { kind: 'ground'; itemId: string; quantity?: number }
  | { kind: 'refuse'; reason: string };

const same = (a: DropTarget, b: DropTarget) =>
  a.container === b.container && ('slot' in a ? a.slot : null) === ('slot' in b ? b.slot : null);

/** What dropping `p` on `to` means; null when nothing should happen (dropped where it was). */
export function resolveDrop(p: DragPayload, to: DropTarget): ItemIntent | null {
  if (same(p.from, to)) return null;
  const { itemId } = p;
  const splitting = p.split && p.quantity > 1;
  switch (to.container) {
    case 'ground':
      if (p.from.container === 'bank')
        return { kind: 'refuse', reason: 'Withdraw it from the bank first.' };
      return { kind: 'ground', itemId };
    case 'equipment':
      if (p.from.container === 'bank')
        return { kind: 'refuse', reason: 'Withdraw it from the bank first.' };
      if (p.from.container === 'equipment')
        return { kind: 'refuse', reason: 'Unequip it into your bag first.' };
      return { kind: 'equip', itemId, slot: to.slot };
    case 'bag':
      if (p.from.container === 'bag')
        return splitting
          ? { kind: 'split', itemId, toSlot: to.slot, max: p.quantity - 1, to: 'bag' }
          : { kind: 'move', itemId, toSlot: to.slot };
      if (p.from.container === 'equipment') return { kind: 'unequip', itemId, toSlot: to.slot };
      return { kind: 'withdraw', itemId, toSlot: to.slot };
    case 'bank':
      if (p.from.container === 'equipment')
        return { kind: 'refuse', reason: 'Unequip it into your bag first.' };
      if (p.from.container === 'bank') return { kind: 'bankMove', itemId, toSlot: to.slot };
      return { kind: 'deposit', itemId, toSlot: to.slot };
  }
}
