import { TradeHistoryInputSchema } from '@necp/shared';
import { tradeHistory } from '@necp/game';
import { characterProcedure, createTRPCRouter } from '../trpc';

/**
 * Face-to-face trade's reads (docs/economy.md "Trade"): the trades themselves run over
 * the sim socket (they need the players in range); every rule is in packages/game/src/trade.
 */
export const tradeRouter = createTRPCRouter({
  /** the character's ended trades, newest first */
  history: characterProcedure.input(TradeHistoryInputSchema).query(({ ctx, input }) =>
    tradeHistory(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
});
