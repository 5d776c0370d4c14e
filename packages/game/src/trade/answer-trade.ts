import { TRADE_IDLE_MS, TradeAnswerInputSchema, type TradeAnswerInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { alreadyTrading, tradeNotFound, tradeOver } from './errors';
import { closeTrade, lockTrade, tradeOutcome, type TradeOutcome } from './trade-rows';

/**
 * The asked side answers a trade request: yes opens the trade window on both sides
 * (trade:update), no ends it as declined (the asker hears it). Refused: a request of
 * someone else's (NOT_FOUND — the asker cannot answer its own), one that lapsed or
 * was withdrawn (the trade is over), an open trade elsewhere meanwhile.
 */
export async function answerTrade(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: TradeAnswerInput,
): Promise<TradeOutcome> {
  const a = parseInput(TradeAnswerInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(
    deps.db,
    async (tx) => {
      const { trade, side } = await lockTrade(tx, a.tradeId, a.characterId);
      if (side !== 'b') throw tradeNotFound();
      if (trade.state !== 'requested' || trade.expiresAt <= now) throw tradeOver();
      if (!a.accept) {
        await closeTrade(tx, trade, 'declined', now);
        return tradeOutcome(tx, trade.id, side);
      }
      const pair = [trade.aId, trade.bId];
      const busy = await tx.$queryRaw<unknown[]>`SELECT 1 FROM "Trade" WHERE "state" = 'open'
      AND ("aId" = ANY(${pair}::text[]) OR "bId" = ANY(${pair}::text[])) LIMIT 1`;
      if (busy.length > 0) throw alreadyTrading('One of you');
      await tx.$executeRaw`UPDATE "Trade" SET "state" = 'open', "changedAt" = ${now}::timestamp,
      "changedBy" = NULL, "expiresAt" = ${new Date(now.getTime() + TRADE_IDLE_MS)}::timestamp
      WHERE "id" = ${trade.id}`;
      return tradeOutcome(tx, trade.id, side);
    },
    DIRECT,
  );
}
