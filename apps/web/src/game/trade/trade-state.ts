/**
 * The trade's part of the UI state, as pure functions: a request made to you (the
 * popup), the trade you are in (the window), and what the end of one says. The sim
 * decides everything; these only follow its pushes (trade:requested, trade:update).
 */
import type { TradeCancelReason, TradeRequestedMsg, TradeView } from '@necp/shared';

export interface TradeUiState {
  /** requests to you still open (the newest first), in local time */
  requests: TradeRequestedMsg[];
  /** the trade you are in (asked by you, or open), or null */
  trade: TradeView | null;
}

export const initialTradeState = (): TradeUiState => ({ requests: [], trade: null });

export function addRequest(s: TradeUiState, r: TradeRequestedMsg): TradeUiState {
  return { ...s, requests: [r, ...s.requests.filter((x) => x.tradeId !== r.tradeId)] };
}

export const dropRequest = (s: TradeUiState, tradeId: string): TradeUiState => ({
  ...s,
  requests: s.requests.filter((r) => r.tradeId !== tradeId),
});

/** Requests not yet lapsed at `now`. */
export const openRequests = (s: TradeUiState, now: number) =>
  s.requests.filter((r) => r.expiresAt > now);

/**
 * A trade as the sim pushed it: the window follows while it is asked or open and
 * closes when it ends; its request (if it was one to you) is answered either way.
 * An older version of the current trade never replaces a newer one.
 */
export function applyTradeUpdate(s: TradeUiState, v: TradeView): TradeUiState {
  const requests = s.requests.filter((r) => r.tradeId !== v.id);
  const live = v.state === 'requested' || v.state === 'open';
  if (s.trade?.id === v.id && s.trade.version > v.version && live) return { ...s, requests };
  if (live) return { requests, trade: v };
  return { requests, trade: s.trade?.id === v.id ? null : s.trade };
}

const REASON: Record<TradeCancelReason, string> = {
  cancelled: 'was cancelled',
  declined: 'was declined',
  unanswered: 'went unanswered',
  disconnected: 'ended: a trader disconnected',
  died: 'ended: a trader died',
  out_of_range: 'ended: you moved too far apart',
  zone_changed: 'ended: a trader left the district',
  idle: 'ended: nobody acted for two minutes',
};

/** What the end of a trade says (a toast), or null while it is live. */
export function tradeEndText(v: TradeView): { kind: 'success' | 'warn'; text: string } | null {
  const other = v.me === 'a' ? v.b.name : v.a.name;
  if (v.state === 'completed') return { kind: 'success', text: `Trade with ${other} complete.` };
  if (v.state !== 'cancelled') return null;
  const why =
    v.closeReason && v.closeReason !== 'completed' ? REASON[v.closeReason] : REASON.cancelled;
  return { kind: 'warn', text: `The trade with ${other} ${why}.` };
}

/** Your side and theirs of a trade view. */
export const sides = (v: TradeView) =>
  v.me === 'a' ? { mine: v.a, theirs: v.b } : { mine: v.b, theirs: v.a };

/**
 * The offer after a stack is dragged onto it: only a bag stack, once, and while a slot
 * is free (null: the drop changes nothing — the server would refuse the rest anyway).
 */
export function offerWithDropped(
  offered: readonly string[],
  drop: { itemId: string; from: { container: string } },
  slots: number,
): string[] | null {
  if (drop.from.container !== 'bag') return null;
  if (offered.includes(drop.itemId) || offered.length >= slots) return null;
  return [...offered, drop.itemId];
}
