import {
  tierAtLeast,
  VendorBuyInputSchema,
  type VendorBuyInput,
  type VendorTradeResult,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { onceByKey } from '../core/command-receipt';
import { parseInput } from '../core/validation';
import { sourceOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { newLedgerRef } from '../ledger/ref';
import { placeInBag } from '../inventory/place-in-bag';
import { loadTemplate } from '../inventory/templates';
import { notSoldHere, priceChanged, soldOut, standingTooLow } from './errors';
import { unitBuyPrice } from './prices';
import { readVendorView } from './read-vendor';
import { claimStock, soldToday, unitsLeft } from './stock';
import { openVendorSession, type VendorSession } from './vendor-session';
import { TradeOutcome } from './trade-outcome';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { inTransaction } from '../core/transaction';

/**
 * Buys `quantity` of a stock entry in one transaction: eddies out (ledger
 * `vendor`), items into the bag (source `vendor`), limited stock taken by a
 * conditional upsert. Not enough eddies, a full bag or no stock left: nothing
 * changes. A stale `expectedPrice` (the unit price the player saw) is CONFLICT. The
 * same idempotency key again answers the first purchase (the view as it is now).
 * Level requirements do not stop a purchase (only equipping).
 */
export async function buyFromVendor(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: VendorBuyInput,
): Promise<VendorTradeResult> {
  const parsed = parseInput(VendorBuyInputSchema, input);
  const { characterId, contactId } = parsed;
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const s = await openVendorSession(tx, { characterId, contactId }, now, {
      lock: true,
    });
    const { outcome } = await onceByKey(tx, 'vendor.buy', parsed, TradeOutcome, () =>
      buyLocked(tx, s, parsed, now),
    );
    return { view: await readVendorView(tx, s), ...outcome };
  });
}

/** The purchase itself, the character locked and its key claimed: what it cost. */
async function buyLocked(
  tx: Tx,
  s: VendorSession,
  { characterId, templateId, quantity, expectedPrice }: VendorBuyInput,
  now: Date,
): Promise<{ eddiesDelta: number }> {
  const entry = s.vendor.stock.find((e) => e.templateId === templateId);
  if (!entry) throw notSoldHere(s.vendor, templateId);
  if (entry.minStanding && !tierAtLeast(s.faction.standing, entry.minStanding))
    throw standingTooLow(s.vendor, entry.minStanding, s.faction.name);
  const template = await loadTemplate(tx, templateId);
  const unit = unitBuyPrice(template, s.faction.multiplier);
  if (expectedPrice !== undefined && expectedPrice !== unit) throw priceChanged();
  if (entry.dailyLimit !== undefined) {
    // early, friendly refusal; claimStock below is what actually guards the limit
    const left = unitsLeft(
      entry.dailyLimit,
      (await soldToday(tx, s.vendor.id, now)).get(templateId),
    );
    if (left < quantity) throw soldOut(left);
  }

  const total = unit * quantity;
  const ref = newLedgerRef();
  await recordCurrency(tx, { reason: 'vendor', characterId, delta: -total, ref });
  await placeInBag(tx, {
    characterId,
    templateId,
    quantity,
    reason: 'vendor',
    fromOwner: sourceOwner('vendor'),
    ref,
  });
  // last: the shared stock row stays locked only until commit
  if (entry.dailyLimit !== undefined)
    await claimStock(tx, {
      vendorId: s.vendor.id,
      templateId,
      limit: entry.dailyLimit,
      quantity,
      now,
    });
  await publishStatsChanged(tx, characterId, 'vendor.buy');
  return { eddiesDelta: -total };
}
