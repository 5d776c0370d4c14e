import {
  VendorBuybackInputSchema,
  type VendorBuybackInput,
  type VendorTradeResult,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { buybackOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { newLedgerRef } from '../ledger/ref';
import { itemNotFound } from '../inventory/errors';
import { placeInBag } from '../inventory/place-in-bag';
import { lockBuybackItems } from './buyback-items';
import { readVendorView } from './read-vendor';
import { openVendorSession } from './vendor-session';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { inTransaction } from '../core/transaction';

/**
 * Buys a stack back from the character's buy-back shelf, at any vendor in range,
 * for exactly what it sold for: eddies out (ledger `vendor`), the same row back
 * into the bag (ledger move buyback → char; it may merge onto a matching stack).
 * Not enough eddies or a full bag: nothing changes.
 */
export async function buyBackFromVendor(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: VendorBuybackInput,
): Promise<VendorTradeResult> {
  const { characterId, contactId, itemId } = parseInput(VendorBuybackInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const s = await openVendorSession(tx, { characterId, contactId }, now, {
      lock: true,
    });
    const shelf = await lockBuybackItems(tx, characterId);
    const item = shelf.find((i) => i.id === itemId);
    if (!item?.buyback) throw itemNotFound(itemId);
    const price = item.buyback.price;
    const ref = newLedgerRef();
    // the shelf entry goes first: if the whole row moves back it must not stay listed
    await tx.vendorBuyback.delete({ where: { itemId } });
    if (price > 0) await recordCurrency(tx, { reason: 'vendor', characterId, delta: -price, ref });
    await placeInBag(tx, {
      characterId,
      templateId: item.templateId,
      quantity: item.quantity,
      reason: 'vendor',
      fromOwner: buybackOwner(characterId),
      itemId,
      ref,
    });
    await publishStatsChanged(tx, characterId, 'vendor.buyback');
    return { view: await readVendorView(tx, s), eddiesDelta: -price };
  });
}
