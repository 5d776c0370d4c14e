/**
 * The seasonal "Reef Exchange" sealed lots (docs/economy.md "Seasonal sealed lots"): the
 * house's own pieces, put up at the start of every season with sealed maximum bids
 * (auction/sealed-lots.ts has the rule, auction/sealed-lot-schedule.ts the window).
 * Each season offers SEALED_LOTS_PER_SEASON of these, rotating through the list by the
 * season's number, so consecutive seasons offer different pieces. A reserve is never
 * below the item's vendor value: winning at the reserve and selling to a vendor is no
 * profit (a sealed lot is a sink, never a source of eddies).
 */
export interface SealedLotOffer {
  templateId: string;
  quantity: number;
  /** the least price, in whole eddies */
  reserve: number;
}

export const SEALED_LOT_OFFERS: readonly SealedLotOffer[] = [
  { templateId: 'pistol_malorian', quantity: 1, reserve: 25_000 },
  { templateId: 'cyber_sandevistan', quantity: 1, reserve: 30_000 },
  { templateId: 'jacket_samurai', quantity: 1, reserve: 23_000 },
  { templateId: 'stim_platinum', quantity: 3, reserve: 18_000 },
  { templateId: 'sniper_nekomata', quantity: 1, reserve: 32_000 },
  { templateId: 'halo_arasaka', quantity: 1, reserve: 27_000 },
  { templateId: 'legs_arasaka_exo', quantity: 1, reserve: 22_000 },
];
