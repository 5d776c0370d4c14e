import { bagFull, noSuchSlot, slotTaken } from './errors';
import { firstFreeSlot } from './placement';

/** The empty bag slot an item goes to: the one asked for (must exist and be free), else the first free one. */
export function emptyBagSlot(
  bagSlots: number,
  bag: readonly { slot: number }[],
  toSlot: number | undefined,
): number {
  if (toSlot !== undefined) {
    if (toSlot >= bagSlots) throw noSuchSlot(toSlot);
    if (bag.some((i) => i.slot === toSlot)) throw slotTaken();
    return toSlot;
  }
  const free = firstFreeSlot(bagSlots, bag);
  if (free === null) throw bagFull();
  return free;
}
