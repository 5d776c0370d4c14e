import {
  nextDailyReset,
  tierAtLeast,
  type BuybackView,
  type VendorStockView,
  type VendorView,
} from '@necp/shared';
import type { Tx } from '../core/deps';
import { loadTemplates, templateOf } from '../inventory/templates';
import { readBuybackItems } from './buyback-items';
import { unitBuyPrice, unitSellPrice, vendorBuysKind } from './prices';
import { soldToday, unitsLeft } from './stock';
import type { VendorSession } from './vendor-session';

/**
 * The vendor window, read inside the caller's transaction (after a trade: what it
 * left behind). Entries above the character's standing are not listed.
 */
export async function readVendorView(tx: Tx, s: VendorSession): Promise<VendorView> {
  const { vendor, faction, character } = s;
  const listed = vendor.stock.filter(
    (e) => !e.minStanding || tierAtLeast(faction.standing, e.minStanding),
  );
  const fresh = await tx.character.findUniqueOrThrow({
    where: { id: character.id },
    select: { eddies: true },
  });
  const bag = await tx.item.findMany({ where: { characterId: character.id, container: 'BAG' } });
  const shelf = await readBuybackItems(tx, character.id);
  const sold = await soldToday(tx, vendor.id, s.now);
  const templates = await loadTemplates(tx, [
    ...listed.map((e) => e.templateId),
    ...bag.map((i) => i.templateId),
    ...shelf.map((i) => i.templateId),
  ]);

  const stock: VendorStockView[] = listed.map((e) => {
    const t = templateOf(templates, e.templateId);
    return {
      templateId: t.id,
      name: t.name,
      rarity: t.rarity,
      kind: t.kind,
      levelReq: t.levelReq,
      price: unitBuyPrice(t, faction.multiplier),
      left: e.dailyLimit !== undefined ? unitsLeft(e.dailyLimit, sold.get(e.templateId)) : null,
      dailyLimit: e.dailyLimit ?? null,
    };
  });

  // newest sale first, as the window lists them
  const buyback: BuybackView[] = shelf.reverse().flatMap(({ buyback: sale, ...i }) => {
    if (!sale) return [];
    const t = templateOf(templates, i.templateId);
    return [
      {
        itemId: i.id,
        templateId: i.templateId,
        name: t.name,
        rarity: t.rarity,
        quantity: i.quantity,
        price: sale.price,
        soldAt: sale.soldAt.getTime(),
      },
    ];
  });

  const sellPrices: Record<string, number> = {};
  for (const i of bag) {
    const t = templateOf(templates, i.templateId);
    if (vendorBuysKind(vendor, t)) sellPrices[i.id] = unitSellPrice(i, t, faction.multiplier);
  }

  return {
    vendor: {
      id: vendor.id,
      name: vendor.name,
      contactId: s.contact.id,
      contactName: s.contact.name,
    },
    faction: {
      id: faction.id,
      name: faction.name,
      tier: faction.tier,
      multiplier: faction.multiplier,
    },
    stock,
    buyback,
    sellPrices,
    eddies: fresh.eddies,
    restocksAt: nextDailyReset(s.now).getTime(),
  };
}
