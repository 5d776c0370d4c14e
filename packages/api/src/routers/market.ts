import {
  MarketCollectInputSchema,
  MarketGoodInputSchema,
  MarketHistoryInputSchema,
  MarketMineInputSchema,
  MarketOrderRefSchema,
  MarketPlaceInputSchema,
} from '@necp/shared';
import {
  cancelOrder,
  collectOrders,
  marketBook,
  marketGoods,
  marketHistory,
  myMarketOrders,
  placeOrder,
} from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { ownCharacterId } from './own-character';

/**
 * The commodity market (docs/economy.md "The commodity market"): every rule is in
 * packages/game/src/market; each procedure parses, names the caller's own character
 * and calls the domain. Placing, cancelling and collecting need an Exchange terminal.
 */
export const marketRouter = createTRPCRouter({
  goods: protectedProcedure
    .input(MarketMineInputSchema)
    .query(async ({ ctx, input }) =>
      marketGoods(ctx.deps, { characterId: await ownCharacterId(ctx, input.characterId) }),
    ),
  book: protectedProcedure
    .input(MarketGoodInputSchema)
    .query(async ({ ctx, input }) =>
      marketBook(ctx.deps, { ...input, characterId: await ownCharacterId(ctx, input.characterId) }),
    ),
  history: protectedProcedure.input(MarketHistoryInputSchema).query(async ({ ctx, input }) =>
    marketHistory(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  mine: protectedProcedure
    .input(MarketMineInputSchema)
    .query(async ({ ctx, input }) =>
      myMarketOrders(ctx.deps, { characterId: await ownCharacterId(ctx, input.characterId) }),
    ),
  place: protectedProcedure
    .input(MarketPlaceInputSchema)
    .mutation(async ({ ctx, input }) =>
      placeOrder(ctx.deps, { ...input, characterId: await ownCharacterId(ctx, input.characterId) }),
    ),
  cancel: protectedProcedure.input(MarketOrderRefSchema).mutation(async ({ ctx, input }) =>
    cancelOrder(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  collect: protectedProcedure.input(MarketCollectInputSchema).mutation(async ({ ctx, input }) =>
    collectOrders(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
});
