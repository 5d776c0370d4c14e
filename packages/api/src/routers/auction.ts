import {
  AuctionBidInputSchema,
  AuctionListInputSchema,
  AuctionListingRefSchema,
  AuctionMineInputSchema,
  AuctionQuoteInputSchema,
  AuctionSearchInputSchema,
  SealedBidInputSchema,
  SealedLotsInputSchema,
} from '@necp/shared';
import {
  buyoutListing,
  cancelListing,
  listItem,
  myAuctions,
  placeBid,
  placeSealedBid,
  quoteListing,
  searchListings,
  sealedLots,
} from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { ownCharacterId } from './own-character';

/**
 * The auction house, "Reef Exchange" (docs/economy.md): every rule is in
 * packages/game/src/auction; each procedure parses, names the caller's own character
 * and calls the domain. Listing, bidding and buying out need an auction terminal, as
 * does a sealed max on a seasonal lot.
 */
export const auctionRouter = createTRPCRouter({
  search: protectedProcedure.input(AuctionSearchInputSchema).query(async ({ ctx, input }) =>
    searchListings(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  mine: protectedProcedure
    .input(AuctionMineInputSchema)
    .query(async ({ ctx, input }) =>
      myAuctions(ctx.deps, { characterId: await ownCharacterId(ctx, input.characterId) }),
    ),
  quote: protectedProcedure.input(AuctionQuoteInputSchema).query(async ({ ctx, input }) =>
    quoteListing(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  list: protectedProcedure
    .input(AuctionListInputSchema)
    .mutation(async ({ ctx, input }) =>
      listItem(ctx.deps, { ...input, characterId: await ownCharacterId(ctx, input.characterId) }),
    ),
  bid: protectedProcedure
    .input(AuctionBidInputSchema)
    .mutation(async ({ ctx, input }) =>
      placeBid(ctx.deps, { ...input, characterId: await ownCharacterId(ctx, input.characterId) }),
    ),
  buyout: protectedProcedure.input(AuctionListingRefSchema).mutation(async ({ ctx, input }) =>
    buyoutListing(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  cancel: protectedProcedure.input(AuctionListingRefSchema).mutation(async ({ ctx, input }) =>
    cancelListing(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  /** a season's sealed lots (the current one's by default), with the caller's own maxima */
  lots: protectedProcedure.input(SealedLotsInputSchema).query(async ({ ctx, input }) =>
    sealedLots(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  sealedBid: protectedProcedure.input(SealedBidInputSchema).mutation(async ({ ctx, input }) =>
    placeSealedBid(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
});
