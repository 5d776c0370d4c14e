import {
  TRADE_RANGE_M,
  TradeAcceptPayloadSchema,
  TradeAnswerPayloadSchema,
  TradeCancelPayloadSchema,
  TradeOfferPayloadSchema,
  TradeRequestPayloadSchema,
} from '@necp/shared';
import {
  acceptTrade,
  answerTrade,
  cancelTrade,
  offerTrade,
  requestTrade,
  type TradeOutcome,
} from '@necp/game';
import { SimRefusal } from '../net/refusals';
import { command, type CommandContext, type EventHandler } from './command';
import { alivePlayerOf, requireInRange } from './in-zone';

const me = (ctx: CommandContext) => ctx.session.characterId;

/** The outcome's pushes to the dispatcher, the trade to the watch; the caller's view acked. */
function done(ctx: CommandContext, out: TradeOutcome) {
  ctx.push(out.pushes);
  ctx.trades.note(out.view);
  return out.view;
}

/** A player of the caller's zone by name (any case), in trading range of the caller. */
function inRangeNamed(ctx: CommandContext, name: string): string {
  const self = alivePlayerOf(ctx);
  const lower = name.toLowerCase();
  const zone = ctx.session.zone;
  // connected players only: one whose client is gone (the reconnect window) cannot trade
  const target = ctx.sessions
    .all()
    .filter((s) => s.zone === zone && s.characterId !== self.characterId)
    .map((s) => zone.player(s.characterId))
    .find((p) => p?.name.toLowerCase() === lower);
  if (!target) throw new SimRefusal({ code: 'NOT_FOUND', message: `${name} is not nearby.` });
  requireInRange(self, target, TRADE_RANGE_M, target.name);
  return target.characterId;
}

/**
 * Face-to-face trade over the sim socket (the rules: packages/game/src/trade). Asking
 * needs the other player in range here; the watch (trade/trade-watch.ts) ends a trade
 * whose parties part, die or disconnect.
 */
export const tradeHandlers = {
  'trade:request': command('trade:request', TradeRequestPayloadSchema, async (ctx, { name }) =>
    done(
      ctx,
      await requestTrade(ctx.deps, { characterId: me(ctx), targetId: inRangeNamed(ctx, name) }),
    ),
  ),
  'trade:answer': command('trade:answer', TradeAnswerPayloadSchema, async (ctx, input) =>
    done(ctx, await answerTrade(ctx.deps, { characterId: me(ctx), ...input })),
  ),
  'trade:offer': command('trade:offer', TradeOfferPayloadSchema, async (ctx, input) =>
    done(ctx, await offerTrade(ctx.deps, { characterId: me(ctx), ...input })),
  ),
  'trade:accept': command('trade:accept', TradeAcceptPayloadSchema, async (ctx, input) =>
    done(ctx, await acceptTrade(ctx.deps, { characterId: me(ctx), ...input })),
  ),
  'trade:cancel': command('trade:cancel', TradeCancelPayloadSchema, async (ctx, { tradeId }) =>
    done(ctx, await cancelTrade(ctx.deps, { characterId: me(ctx), tradeId })),
  ),
} satisfies Record<string, EventHandler>;
