/**
 * Pure placement planning: where `quantity` units of one template go in a
 * container. Planned completely before anything is written, so a placement that
 * does not fit fails without a partial write.
 */
import { canStack, stackSpace, type StackableItem } from '@necp/shared';

export interface SlottedStack extends StackableItem {
  id: string;
  slot: number;
  /** held where it lies (offered in a trade): its slot is taken, nothing merges into it */
  reservation?: string | null;
}

export interface Incoming extends StackableItem {
  stackSize: number;
}

export interface PlacementPlan {
  /** existing stacks that grow */
  merges: { itemId: string; add: number }[];
  /** empty slots that get a stack */
  fresh: { slot: number; quantity: number }[];
}

export type PlanResult =
  { ok: true; plan: PlacementPlan } | { ok: false; reason: 'full' | 'slot_taken' | 'no_such_slot' };

/**
 * Without `toSlot`: top up matching stacks (lowest slot first), then fill empty
 * slots. With `toSlot`: all of it into that slot — empty, or a matching stack with
 * room for everything. A reserved stack (offered in a trade) takes no more.
 */
export function planPlacement(args: {
  slots: number;
  occupants: readonly SlottedStack[];
  incoming: Incoming;
  toSlot?: number;
}): PlanResult {
  const { slots, occupants, incoming, toSlot } = args;
  const size = incoming.stackSize;
  if (toSlot !== undefined) {
    if (toSlot < 0 || toSlot >= slots) return { ok: false, reason: 'no_such_slot' };
    const there = occupants.find((o) => o.slot === toSlot);
    if (!there) {
      if (incoming.quantity > size) return { ok: false, reason: 'full' };
      return {
        ok: true,
        plan: { merges: [], fresh: [{ slot: toSlot, quantity: incoming.quantity }] },
      };
    }
    if (
      !there.reservation &&
      canStack(there, incoming, size) &&
      stackSpace(there, size) >= incoming.quantity
    )
      return {
        ok: true,
        plan: { merges: [{ itemId: there.id, add: incoming.quantity }], fresh: [] },
      };
    return { ok: false, reason: 'slot_taken' };
  }

  const plan: PlacementPlan = { merges: [], fresh: [] };
  let left = incoming.quantity;
  const stacks = occupants
    .filter((o) => !o.reservation && canStack(o, incoming, size))
    .sort((a, b) => a.slot - b.slot);
  for (const s of stacks) {
    if (left === 0) break;
    const add = Math.min(left, stackSpace(s, size));
    if (add > 0) {
      plan.merges.push({ itemId: s.id, add });
      left -= add;
    }
  }
  const taken = new Set(occupants.map((o) => o.slot));
  for (let slot = 0; slot < slots && left > 0; slot++) {
    if (taken.has(slot)) continue;
    const quantity = Math.min(left, size);
    plan.fresh.push({ slot, quantity });
    left -= quantity;
  }
  return left === 0 ? { ok: true, plan } : { ok: false, reason: 'full' };
}

/** The first free slot, or null. */
export function firstFreeSlot(
  slots: number,
  occupants: readonly { slot: number }[],
): number | null {
  const taken = new Set(occupants.map((o) => o.slot));
  for (let s = 0; s < slots; s++) if (!taken.has(s)) return s;
  return null;
}
