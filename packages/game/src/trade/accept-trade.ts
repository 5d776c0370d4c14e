import {
  TRADE_IDLE_MS,
  TradeAcceptInputSchema,
  canAcceptTrade,
  type TradeAcceptInput,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { acceptTooSoon, offerChanged, tradeOver } from './errors';
import { settleTrade } from './settle-trade';
import { lockTrade, otherSide, tradeOutcome, type TradeOutcome } from './trade-rows';

/**
 * A side accepts the offer as it was at `version`. Refused when the offer has changed
 * since (CONFLICT: look again) or the other side changed it under TRADE_ACCEPT_DELAY_MS
 * ago. When the other side has accepted this version too, the trade completes in this
 * same transaction (settle-trade.ts) — or, refused there (no room, eddies gone), nothing
 * of the accept is kept either. Accepting a trade already completed returns it as it
 * ended (a double click, a retry).
 */
export async function acceptTrade(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: TradeAcceptInput,
): Promise<TradeOutcome> {
  const a = parseInput(TradeAcceptInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(
    deps.db,
    async (tx) => {
      const { trade, side } = await lockTrade(tx, a.tradeId, a.characterId);
      if (trade.state === 'completed') return tradeOutcome(tx, trade.id, side);
      if (trade.state !== 'open') throw tradeOver();
      const verdict = canAcceptTrade(
        {
          version: trade.version,
          changedBy: trade.changedBy,
          changedAt: trade.changedAt.getTime(),
        },
        side,
        a.version,
        now.getTime(),
      );
      if (verdict === 'stale') throw offerChanged();
      if (verdict === 'too_soon') throw acceptTooSoon();
      const theirs = otherSide(side) === 'a' ? trade.aAccepted : trade.bAccepted;
      if (theirs === trade.version) {
        await settleTrade(tx, trade, now);
        return tradeOutcome(tx, trade.id, side);
      }
      await tx.$executeRaw`UPDATE "Trade" SET
      "aAccepted" = CASE WHEN ${side}::text = 'a' THEN ${trade.version}::int ELSE "aAccepted" END,
      "bAccepted" = CASE WHEN ${side}::text = 'b' THEN ${trade.version}::int ELSE "bAccepted" END,
      "expiresAt" = ${new Date(now.getTime() + TRADE_IDLE_MS)}::timestamp
      WHERE "id" = ${trade.id}`;
      return tradeOutcome(tx, trade.id, side);
    },
    DIRECT,
  );
}
