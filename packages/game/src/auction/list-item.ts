import {
  AUCTION_CATEGORIES,
  AUCTION_CUT_RATE,
  AUCTION_LISTINGS_MAX,
  AUCTION_RANGE,
  AuctionListInputSchema,
  AuctionQuoteInputSchema,
  auctionDeposit,
  minNextBid,
  type AuctionCategory,
  type AuctionListInput,
  type AuctionListingView,
  type AuctionQuote,
  type AuctionQuoteInput,
} from '@necp/shared';
import type { Item } from '@necp/db';
import type { GameDeps, Tx } from '../core/deps';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { bagItem } from '../inventory/owned-items';
import { loadTemplate } from '../inventory/templates';
import { auctionOwner, charOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { recordHeldCurrency } from '../ledger/record-held-currency';
import { recordItem } from '../ledger/record-item';
import { assertAtTerminal } from '../world/at-terminal';
import { notAtAuctionTerminal, notListable, tooManyListings } from './errors';
import { listingView } from './listing-rows';

/** Listing, bidding and buying happen at an auction terminal (world/at-terminal.ts). */
export const assertAtAuctionTerminal = (c: { zoneId: string; x: number; y: number }) =>
  assertAtTerminal(c, 'auction_terminal', AUCTION_RANGE, notAtAuctionTerminal);

/** The bag stack a character may list (refusals in words a player reads). */
async function listable(tx: Tx, items: readonly Item[], itemId: string) {
  const item = bagItem(items, itemId);
  if (item.boundCharacterId !== null) throw notListable('A bound item cannot be sold.');
  const t = await loadTemplate(tx, item.templateId);
  if (!(AUCTION_CATEGORIES as readonly string[]).includes(t.kind))
    throw notListable('Quest items cannot be sold.');
  return { item, template: t, category: t.kind as AuctionCategory };
}

/** What listing a stack would cost (the list form shows it). */
export async function quoteListing(
  deps: Pick<GameDeps, 'db'>,
  input: AuctionQuoteInput,
): Promise<AuctionQuote> {
  const q = parseInput(AuctionQuoteInputSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const { item, template } = await listable(
      tx,
      await lockCharacterItems(tx, q.characterId),
      q.itemId,
    );
    return {
      deposit: auctionDeposit(template.value, item.quantity, q.durationH),
      cutRate: AUCTION_CUT_RATE,
    };
  });
}

/**
 * Lists a whole bag stack at an auction terminal: the item leaves the bag for the
 * listing (container AUCTION, ledger `auction` char → auction:<id>) and the deposit is
 * paid into the listing (kept on expiry or cancel, returned with a sale). Refused: away
 * from a terminal, an item not in the bag (equipped, held in a trade, someone else's),
 * bound or quest items, AUCTION_LISTINGS_MAX live listings, a deposit the seller cannot pay.
 */
export async function listItem(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: AuctionListInput,
): Promise<AuctionListingView> {
  const l = parseInput(AuctionListInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const seller = await lockCharacter(tx, l.characterId);
    assertAtAuctionTerminal(seller);
    const live = await tx.auctionListing.count({
      where: { sellerId: seller.id, state: 'live' },
    });
    if (live >= AUCTION_LISTINGS_MAX) throw tooManyListings();
    const { item, template, category } = await listable(
      tx,
      await lockCharacterItems(tx, seller.id),
      l.itemId,
    );
    const deposit = auctionDeposit(template.value, item.quantity, l.durationH);
    const listing = await tx.auctionListing.create({
      data: {
        sellerId: seller.id,
        sellerName: seller.name,
        templateId: item.templateId,
        name: template.name,
        category,
        level: template.levelReq,
        rarity: template.rarity,
        quantity: item.quantity,
        durability: item.durability,
        startBid: l.startBid,
        buyout: l.buyout,
        deposit,
        durationH: l.durationH,
        price: minNextBid({ startBid: l.startBid, bid: 0 }),
        listedAt: now,
        endsAt: new Date(now.getTime() + l.durationH * 3_600_000),
      },
    });
    const owner = auctionOwner(listing.id);
    await recordCurrency(tx, {
      reason: 'auction',
      characterId: seller.id,
      delta: -deposit,
      fromOwner: charOwner(seller.id),
      toOwner: owner,
      ref: listing.id,
    });
    await recordHeldCurrency(tx, {
      holder: 'auction',
      id: listing.id,
      reason: 'auction',
      delta: deposit,
      counterparty: charOwner(seller.id),
      ref: listing.id,
    });
    await tx.item.update({
      where: { id: item.id },
      data: { container: 'AUCTION', slot: 0, characterId: null, userId: null },
    });
    await recordItem(tx, {
      reason: 'auction',
      itemId: item.id,
      templateId: item.templateId,
      quantityDelta: 0,
      fromOwner: charOwner(seller.id),
      toOwner: owner,
      ref: listing.id,
    });
    const row = await tx.auctionListing.update({
      where: { id: listing.id },
      data: { itemId: item.id },
    });
    return listingView(row, seller.id);
  });
}
