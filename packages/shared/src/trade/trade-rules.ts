/**
 * Face-to-face trade (issue 28): limits and timings. packages/game/src/trade enforces
 * every rule; the trade window shows them with the same constants. The inputs and the
 * view are in schemas/trade.ts; docs/economy.md tells the whole flow.
 */

/** Item stacks each side may offer. */
export const TRADE_SLOTS = 6;
/** Most eddies one side may offer (the balance cap of a character). */
export const TRADE_EDDIES_MAX = 1_000_000_000;
/**
 * After one side changes its offer, the other cannot accept for this long: a last-
 * second swap of a good item for a worse one must be seen before it can be accepted.
 */
export const TRADE_ACCEPT_DELAY_MS = 3_000;
/** A trade request unanswered this long lapses. */
export const TRADE_REQUEST_MS = 30_000;
/** How far apart (metres, same zone) two players may be to ask for and keep a trade. */
export const TRADE_RANGE_M = 10;
/** A trade nobody changes or accepts for this long is cancelled (its items released). */
export const TRADE_IDLE_MS = 2 * 60_000;
/** A trade history page. */
export const TRADE_HISTORY_PAGE = 20;

export const TRADE_SIDES = ['a', 'b'] as const;
/** a: who asked for the trade; b: who accepted the request. */
export type TradeSide = (typeof TRADE_SIDES)[number];

/** requested: asked, not yet answered; open: the window is up on both sides. */
export const TRADE_STATES = ['requested', 'open', 'completed', 'cancelled'] as const;
export type TradeState = (typeof TRADE_STATES)[number];

/** Why a trade ended without completing. */
export const TRADE_CANCEL_REASONS = [
  'cancelled',
  'declined',
  'unanswered',
  'disconnected',
  'died',
  'out_of_range',
  'zone_changed',
  'idle',
] as const;
export type TradeCancelReason = (typeof TRADE_CANCEL_REASONS)[number];

/** How a trade ended (Trade.closeReason): completed, or one of the reasons it did not. */
export const TRADE_CLOSE_REASONS = ['completed', ...TRADE_CANCEL_REASONS] as const;
export type TradeCloseReason = (typeof TRADE_CLOSE_REASONS)[number];

/** The side `characterId` is on, or null for a stranger to the trade. */
export function tradeSideOf(
  t: { aId: string; bId: string },
  characterId: string,
): TradeSide | null {
  return t.aId === characterId ? 'a' : t.bId === characterId ? 'b' : null;
}

/**
 * Whether `side` may accept now: the offer it saw is the current one, and the other
 * side's last change is at least TRADE_ACCEPT_DELAY_MS old (its own changes do not
 * hold it back).
 */
export function canAcceptTrade(
  t: { version: number; changedBy: TradeSide | null; changedAt: number },
  side: TradeSide,
  version: number,
  now: number,
): 'ok' | 'stale' | 'too_soon' {
  if (version !== t.version) return 'stale';
  if (t.changedBy !== null && t.changedBy !== side && now - t.changedAt < TRADE_ACCEPT_DELAY_MS)
    return 'too_soon';
  return 'ok';
}
