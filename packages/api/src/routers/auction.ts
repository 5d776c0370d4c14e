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
import { characterProcedure, createTRPCRouter } from '../trpc';

/**
 * The auction house, "Reef Exchange" (docs/economy.md): every rule is in
 * packages/game/src/auction; each procedure parses, names the caller's own character
 * and calls the domain. Listing, bidding and buying out need an auction terminal, as
 * does a sealed max on a seasonal lot.
 */
export const auctionRouter = createTRPCRouter({
  search: characterProcedure.input(AuctionSearchInputSchema).query(({ ctx, input }) =>
    searchListings(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  mine: characterProcedure
    .input(AuctionMineInputSchema)
    .query(({ ctx, input }) => myAuctions(ctx.deps, { characterId: input.characterId })),
  quote: characterProcedure.input(AuctionQuoteInputSchema).query(({ ctx, input }) =>
    quoteListing(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  list: characterProcedure
    .input(AuctionListInputSchema)
    .mutation(({ ctx, input }) => listItem(ctx.deps, input)),
  bid: characterProcedure
    .input(AuctionBidInputSchema)
    .mutation(({ ctx, input }) => placeBid(ctx.deps, input)),
  buyout: characterProcedure.input(AuctionListingRefSchema).mutation(({ ctx, input }) =>
    buyoutListing(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  cancel: characterProcedure.input(AuctionListingRefSchema).mutation(({ ctx, input }) =>
    cancelListing(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  /** a season's sealed lots (the current one's by default), with the caller's own maxima */
  lots: characterProcedure.input(SealedLotsInputSchema).query(({ ctx, input }) =>
    sealedLots(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  sealedBid: characterProcedure.input(SealedBidInputSchema).mutation(({ ctx, input }) =>
    placeSealedBid(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
});
