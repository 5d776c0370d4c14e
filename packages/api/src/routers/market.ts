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
import { characterProcedure, createTRPCRouter } from '../trpc';

/**
 * The commodity market (docs/economy.md "The commodity market"): every rule is in
 * packages/game/src/market; each procedure parses, names the caller's own character
 * and calls the domain. Placing, cancelling and collecting need an Exchange terminal.
 */
export const marketRouter = createTRPCRouter({
  goods: characterProcedure
    .input(MarketMineInputSchema)
    .query(({ ctx, input }) => marketGoods(ctx.deps, { characterId: input.characterId })),
  book: characterProcedure
    .input(MarketGoodInputSchema)
    .query(({ ctx, input }) => marketBook(ctx.deps, input)),
  history: characterProcedure.input(MarketHistoryInputSchema).query(({ ctx, input }) =>
    marketHistory(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  mine: characterProcedure
    .input(MarketMineInputSchema)
    .query(({ ctx, input }) => myMarketOrders(ctx.deps, { characterId: input.characterId })),
  place: characterProcedure
    .input(MarketPlaceInputSchema)
    .mutation(({ ctx, input }) => placeOrder(ctx.deps, input)),
  cancel: characterProcedure.input(MarketOrderRefSchema).mutation(({ ctx, input }) =>
    cancelOrder(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  collect: characterProcedure.input(MarketCollectInputSchema).mutation(({ ctx, input }) =>
    collectOrders(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
});
