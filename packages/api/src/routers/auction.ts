import {
  AuctionBidInputSchema,
  AuctionListInputSchema,
  AuctionListingRefSchema,
  AuctionMineInputSchema,
  AuctionQuoteInputSchema,
  AuctionSearchInputSchema,
} from '@necp/shared';
import {
  buyoutListing,
  cancelListing,
  listItem,
  myAuctions,
  placeBid,
  quoteListing,
  searchListings,
} from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { ownCharacterId } from './own-character';

/**
 * The auction house, "Reef Exchange" (docs/economy.md): every rule is in
 * packages/game/src/auction; each procedure parses, names the caller's own character
 * and calls the domain. Listing, bidding and buying out need an auction terminal.
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
});
