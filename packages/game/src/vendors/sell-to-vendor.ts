import { VendorSellInputSchema, type VendorSellInput, type VendorTradeResult } from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { onceByKey } from '../core/command-receipt';
import { parseInput } from '../core/validation';
import { buybackOwner, charOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { recordItem } from '../ledger/record-item';
import { newLedgerRef } from '../ledger/ref';
import { notEnoughItems } from '../inventory/errors';
import { bagItem } from '../inventory/owned-items';
import { loadTemplate } from '../inventory/templates';
import { lockBuybackItems, makeBuybackRoom } from './buyback-items';
import { assertVendorBuys, unitSellPrice } from './prices';
import { readVendorView } from './read-vendor';
import { openVendorSession, type VendorSession } from './vendor-session';
import { TradeOutcome } from './trade-outcome';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { inTransaction } from '../core/transaction';

/**
 * Sells a bag stack, or `quantity` of it, in one transaction: eddies in (ledger
 * `vendor`), the sold units onto the character's buy-back shelf (ledger move
 * char → buyback) with the price paid. A full shelf first loses its oldest stack
 * (sink `vendor`). Equipped items, quest items and kinds the vendor does not buy
 * are refused. The same idempotency key again answers the first sale (the view as it
 * is now).
 */
export async function sellToVendor(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: VendorSellInput,
): Promise<VendorTradeResult> {
  const parsed = parseInput(VendorSellInputSchema, input);
  const { characterId, contactId } = parsed;
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const s = await openVendorSession(tx, { characterId, contactId }, now, {
      lock: true,
    });
    const { outcome } = await onceByKey(tx, 'vendor.sell', parsed, TradeOutcome, () =>
      sellLocked(tx, s, parsed, now),
    );
    return { view: await readVendorView(tx, s), ...outcome };
  });
}

/** The sale itself, the character locked and its key claimed: what it paid. */
async function sellLocked(
  tx: Tx,
  s: VendorSession,
  { characterId, itemId, quantity }: VendorSellInput,
  now: Date,
): Promise<{ eddiesDelta: number }> {
  const item = bagItem(s.items, itemId);
  const template = await loadTemplate(tx, item.templateId);
  assertVendorBuys(s.vendor, template);
  const n = quantity ?? item.quantity;
  if (n > item.quantity) throw notEnoughItems();
  const total = unitSellPrice(item, template, s.faction.multiplier) * n;

  const ref = newLedgerRef();
  const shelf = await lockBuybackItems(tx, characterId);
  const slot = await makeBuybackRoom(tx, characterId, shelf, ref);
  const side = {
    reason: 'vendor' as const,
    templateId: item.templateId,
    fromOwner: charOwner(characterId),
    toOwner: buybackOwner(characterId),
    ref,
  };
  let soldId = item.id;
  if (n === item.quantity) {
    // the row itself moves onto the shelf
    await tx.item.update({
      where: { id: item.id },
      data: { container: 'BUYBACK', slot, userId: null },
    });
    await recordItem(tx, { ...side, itemId: item.id, quantityDelta: 0 });
  } else {
    const part = await tx.item.create({
      data: {
        templateId: item.templateId,
        quantity: n,
        durability: item.durability,
        boundCharacterId: item.boundCharacterId,
        container: 'BUYBACK',
        slot,
        characterId,
      },
    });
    await tx.item.update({ where: { id: item.id }, data: { quantity: item.quantity - n } });
    await recordItem(tx, { ...side, itemId: item.id, quantityDelta: -n });
    await recordItem(tx, { ...side, itemId: part.id, quantityDelta: n });
    soldId = part.id;
  }
  await tx.vendorBuyback.create({
    data: { itemId: soldId, characterId, vendorId: s.vendor.id, price: total, soldAt: now },
  });
  // worthless items still leave the bag; there is just nothing to pay
  if (total > 0) await recordCurrency(tx, { reason: 'vendor', characterId, delta: total, ref });
  await publishStatsChanged(tx, characterId, 'vendor.sell');
  return { eddiesDelta: total };
}
