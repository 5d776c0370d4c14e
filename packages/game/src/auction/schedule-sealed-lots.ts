import { auctionCategoryOf, sealedLotOffers, sealedLotWindow } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { lockAdvisory } from '../core/advisory-locks';
import { inTransaction } from '../core/transaction';
import { loadTemplate } from '../inventory/templates';
import { auctionOwner, sourceOwner } from '../ledger/owners';
import { recordItem } from '../ledger/record-item';

/** Shown as the seller of every sealed lot. */
export const SEALED_LOT_SELLER = 'Reef Exchange';

export interface SeasonForLots {
  key: string;
  number: number;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Puts up a season's sealed lots (shared sealedLotOffers, in the window of
 * sealedLotWindow) once: the season job calls it on every run, and a lot is made only
 * for a slot the season does not have yet (unique (season, lotSlot); one run at a time
 * per season by an advisory lock). Each lot's item is made here, held by the lot
 * (ledger source `auction_lot` → auction:<lot>, ref = the lot: its provenance). A window
 * already over when the season is first seen (a long downtime) gets no lots. Returns
 * how many it put up.
 */
export async function scheduleSealedLots(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  season: SeasonForLots,
): Promise<number> {
  const now = deps.clock.now();
  const w = sealedLotWindow({
    startsAt: season.startsAt.getTime(),
    endsAt: season.endsAt.getTime(),
  });
  if (w.closesAt <= now.getTime()) return 0;
  return inTransaction(deps.db, async (tx) => {
    await lockAdvisory(tx, 'sealedLots', [season.key]);
    const have = new Set(
      (
        await tx.auctionListing.findMany({
          where: { season: season.key },
          select: { lotSlot: true },
        })
      ).map((l) => l.lotSlot),
    );
    let made = 0;
    for (const offer of sealedLotOffers(season.number)) {
      if (have.has(offer.slot)) continue;
      const t = await loadTemplate(tx, offer.templateId);
      // content's test keeps every offer sellable; a lot of another kind is a bug
      const category = auctionCategoryOf(t.kind);
      if (!category) throw new Error(`sealed lot offer ${offer.templateId} is a ${t.kind}`);
      const lot = await tx.auctionListing.create({
        data: {
          sellerName: SEALED_LOT_SELLER,
          templateId: offer.templateId,
          name: t.name,
          category,
          level: t.levelReq,
          rarity: t.rarity,
          quantity: offer.quantity,
          durability: t.maxDurability ?? null,
          startBid: offer.reserve,
          deposit: 0,
          durationH: Math.round((w.closesAt - w.opensAt) / 3_600_000),
          price: offer.reserve,
          listedAt: now,
          opensAt: new Date(w.opensAt),
          endsAt: new Date(w.closesAt),
          state: 'sealed',
          season: season.key,
          lotSlot: offer.slot,
        },
      });
      const item = await tx.item.create({
        data: {
          templateId: offer.templateId,
          quantity: offer.quantity,
          durability: t.maxDurability ?? null,
          container: 'AUCTION',
          slot: 0,
        },
      });
      await recordItem(tx, {
        reason: 'auction_lot',
        itemId: item.id,
        templateId: offer.templateId,
        quantityDelta: offer.quantity,
        fromOwner: sourceOwner('auction_lot'),
        toOwner: auctionOwner(lot.id),
        ref: lot.id,
      });
      await tx.auctionListing.update({ where: { id: lot.id }, data: { itemId: item.id } });
      made++;
    }
    return made;
  });
}
