import { TradeHistoryInputSchema } from '@necp/shared';
import { tradeHistory } from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { ownCharacterId } from './own-character';

/**
 * Face-to-face trade's reads (docs/economy.md "Trade"): the trades themselves run over
 * the sim socket (they need the players in range); every rule is in packages/game/src/trade.
 */
export const tradeRouter = createTRPCRouter({
  /** the character's ended trades, newest first */
  history: protectedProcedure.input(TradeHistoryInputSchema).query(async ({ ctx, input }) =>
    tradeHistory(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
});
