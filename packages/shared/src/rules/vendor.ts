/**
 * Vendor prices. Buying costs the item's value scaled by the standing multiplier
 * (rules/reputation.ts: 0.85 revered … 1.1 unfriendly); selling pays a fraction
 * of the value, a little more with better standing, scaled by durability left.
 * A sale always pays less than the same item costs, whatever the standing, so
 * buying and selling back can never make money.
 */

/** What a vendor pays for an item, as a fraction of its value (neutral standing). */
export const VENDOR_SELL_FACTOR = 0.25;
/** How many sold items a character can buy back (the oldest falls out). */
export const BUYBACK_SLOTS = 10;
/** Units of one stock entry bought in one purchase at most. */
export const VENDOR_MAX_QUANTITY = 99;

/** Rounds away float noise (220 × 1.1 = 242.00000000000003) before ceil/floor. */
const exact = (n: number) => Math.round(n * 1e9) / 1e9;

/** Price per unit a character pays; every item costs at least 1. */
export function vendorBuyPrice(value: number, multiplier: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`bad item value ${value}`);
  if (!(multiplier > 0)) throw new RangeError(`bad price multiplier ${multiplier}`);
  return Math.max(1, Math.ceil(exact(value * multiplier)));
}

/**
 * Price per unit a vendor pays. Better standing (a smaller multiplier) pays a
 * little more; worn gear pays in proportion to the durability left (broken: 10 %).
 * Worthless items pay 0 (they can still be sold, to clear the bag).
 */
export function vendorSellPrice(
  value: number,
  multiplier: number,
  durability?: { current: number; max: number } | null,
): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`bad item value ${value}`);
  if (!(multiplier > 0)) throw new RangeError(`bad price multiplier ${multiplier}`);
  const wear =
    durability && durability.max > 0
      ? Math.max(0.1, Math.min(1, durability.current / durability.max))
      : 1;
  const price = Math.floor(exact((value * VENDOR_SELL_FACTOR * wear) / multiplier));
  // never at or above what the same item costs to buy
  return Math.min(price, Math.max(0, vendorBuyPrice(value, multiplier) - 1));
}
