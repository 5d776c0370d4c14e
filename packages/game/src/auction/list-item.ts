import {
  AUCTION_CUT_RATE,
  AUCTION_LISTINGS_MAX,
  AUCTION_RANGE,
  AuctionListInputSchema,
  AuctionQuoteInputSchema,
  auctionCategoryOf,
  auctionDeposit,
  minNextBid,
  type AuctionListInput,
  type AuctionListingView,
  type AuctionQuote,
  type AuctionQuoteInput,
} from '@necp/shared';
import { Prisma, type Item } from '@necp/db';
import type { GameDeps, Tx } from '../core/deps';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { newRowId } from '../core/row-ids';
import { keyReused } from '../core/errors';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { holdItem } from '../inventory/item-writes';
import { bagItem } from '../inventory/owned-items';
import { loadTemplate } from '../inventory/templates';
import { auctionOwner, charOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { recordHeldCurrency } from '../ledger/record-held-currency';
import { recordItem } from '../ledger/record-item';
import { assertAtTerminal } from '../world/at-terminal';
import { notAtAuctionTerminal, notListable, tooManyListings } from './errors';
import { listingView, readListings } from './listing-rows';
import type { AuctionListingRow } from '../core/locked-rows';

/** Listing, bidding and buying happen at an auction terminal (world/at-terminal.ts). */
export const assertAtAuctionTerminal = (c: { zoneId: string; x: number; y: number }) =>
  assertAtTerminal(c, 'auction_terminal', AUCTION_RANGE, notAtAuctionTerminal);

/** The bag stack a character may list (refusals in words a player reads). */
async function listable(tx: Tx, items: readonly Item[], itemId: string) {
  const item = bagItem(items, itemId);
  if (item.boundCharacterId !== null) throw notListable('A bound item cannot be sold.');
  const t = await loadTemplate(tx, item.templateId);
  const category = auctionCategoryOf(t.kind);
  if (!category) throw notListable('Quest items cannot be sold.');
  return { item, template: t, category };
}

/**
 * Whether a listing is what `l` asks: the item while the listing holds it (a settled
 * one's went by mail), the prices and the duration.
 */
const sameTerms = (
  x: AuctionListingRow,
  l: Pick<AuctionListingRow, 'itemId' | 'startBid' | 'buyout' | 'durationH'>,
) =>
  (x.itemId === null || x.itemId === l.itemId) &&
  x.startBid === l.startBid &&
  x.buyout === l.buyout &&
  x.durationH === l.durationH;

/** What listing a stack would cost (the list form shows it). */
export async function quoteListing(
  deps: Pick<GameDeps, 'db'>,
  input: AuctionQuoteInput,
): Promise<AuctionQuote> {
  const q = parseInput(AuctionQuoteInputSchema, input);
  return inTransaction(
    deps.db,
    async (tx) => {
      const { item, template } = await listable(
        tx,
        await lockCharacterItems(tx, q.characterId),
        q.itemId,
      );
      return {
        deposit: auctionDeposit(template.value, item.quantity, q.durationH),
        cutRate: AUCTION_CUT_RATE,
      };
    },
    DIRECT,
  );
}

/**
 * Lists a whole bag stack at an auction terminal: the item leaves the bag for the
 * listing (container AUCTION, ledger `auction` char → auction:<id>) and the deposit is
 * paid into the listing (kept on expiry or cancel, returned with a sale). Refused: away
 * from a terminal, an item not in the bag (equipped, held in a trade, someone else's),
 * bound or quest items, AUCTION_LISTINGS_MAX live listings, a deposit the seller cannot pay.
 * The same `idempotencyKey` again returns the listing it made, as it is now (nothing held
 * or paid twice); with another item (while the listing holds it), start, buyout or
 * duration, CONFLICT.
 */
export async function listItem(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: AuctionListInput,
): Promise<AuctionListingView> {
  const l = parseInput(AuctionListInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(
    deps.db,
    async (tx) => {
      const seller = await lockCharacter(tx, l.characterId);
      const [same] = await readListings(
        tx,
        Prisma.sql`SELECT * FROM "AuctionListing"
        WHERE "sellerId" = ${seller.id} AND "idempotencyKey" = ${l.idempotencyKey}`,
      );
      if (same) {
        if (!sameTerms(same, l)) throw keyReused();
        return listingView(same, seller.id);
      }
      assertAtAuctionTerminal(seller);
      const [live] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n"
      FROM "AuctionListing" WHERE "sellerId" = ${seller.id} AND "state" = 'live'`;
      if (live!.n >= AUCTION_LISTINGS_MAX) throw tooManyListings();
      const { item, template, category } = await listable(
        tx,
        await lockCharacterItems(tx, seller.id),
        l.itemId,
      );
      const deposit = auctionDeposit(template.value, item.quantity, l.durationH);
      const listing = { id: newRowId() };
      await tx.$executeRaw`INSERT INTO "AuctionListing" ("id", "sellerId", "idempotencyKey",
        "sellerName", "templateId", "name", "category", "level", "rarity", "quantity", "durability",
        "startBid", "buyout", "deposit", "durationH", "price", "listedAt", "endsAt")
      VALUES (${listing.id}, ${seller.id}, ${l.idempotencyKey}, ${seller.name}, ${item.templateId},
        ${template.name}, ${category}, ${template.levelReq}::int, ${template.rarity},
        ${item.quantity}::int, ${item.durability}::int, ${l.startBid}::int, ${l.buyout}::int,
        ${deposit}::int, ${l.durationH}::int, ${minNextBid({ startBid: l.startBid, bid: 0 })}::int,
        ${now}::timestamp, ${new Date(now.getTime() + l.durationH * 3_600_000)}::timestamp)`;
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
      await holdItem(tx, item.id, 'AUCTION');
      await recordItem(tx, {
        reason: 'auction',
        itemId: item.id,
        templateId: item.templateId,
        quantityDelta: 0,
        fromOwner: charOwner(seller.id),
        toOwner: owner,
        ref: listing.id,
      });
      const [row] = await readListings(
        tx,
        Prisma.sql`UPDATE "AuctionListing" SET "itemId" = ${item.id} WHERE "id" = ${listing.id}
        RETURNING *`,
      );
      return listingView(row!, seller.id);
    },
    DIRECT,
  );
}
