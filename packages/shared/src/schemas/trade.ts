/**
 * Inputs and the view of face-to-face trade (trade/trade-rules.ts holds the rules).
 * The domain (packages/game/src/trade) parses every input again.
 */
import { z } from 'zod';
import {
  TRADE_CANCEL_REASONS,
  TRADE_EDDIES_MAX,
  TRADE_HISTORY_PAGE,
  TRADE_SLOTS,
  type TradeCancelReason,
  type TradeSide,
  type TradeState,
} from '../trade/trade-rules';
import { CharacterNameRefSchema, IdSchema } from './primitives';

/** Asking `targetId` for a trade (the sim found it by name or click, in range). */
export const TradeRequestInputSchema = z
  .object({ characterId: IdSchema, targetId: IdSchema })
  .refine((t) => t.characterId !== t.targetId, 'You cannot trade with yourself');
export type TradeRequestInput = z.infer<typeof TradeRequestInputSchema>;

/** The asked side's answer to a request. */
export const TradeAnswerInputSchema = z.object({
  characterId: IdSchema,
  tradeId: IdSchema,
  accept: z.boolean(),
});
export type TradeAnswerInput = z.infer<typeof TradeAnswerInputSchema>;

/** To the asked player: who asks, until when (answer with trade:answer). */
export interface TradeRequestedMsg {
  tradeId: string;
  from: { characterId: string; name: string };
  expiresAt: number;
}

/** A side's whole offer, replacing the one before: up to TRADE_SLOTS bag stacks and eddies. */
export const TradeOfferInputSchema = z.object({
  characterId: IdSchema,
  tradeId: IdSchema,
  items: z
    .array(IdSchema)
    .max(TRADE_SLOTS, `At most ${TRADE_SLOTS} stacks`)
    .refine((ids) => new Set(ids).size === ids.length, 'An item is offered once'),
  eddies: z.int().min(0).max(TRADE_EDDIES_MAX),
});
export type TradeOfferInput = z.infer<typeof TradeOfferInputSchema>;

/** Accepting the offer as it was at `version` (refused when it has changed since). */
export const TradeAcceptInputSchema = z.object({
  characterId: IdSchema,
  tradeId: IdSchema,
  version: z.int().min(0),
});
export type TradeAcceptInput = z.infer<typeof TradeAcceptInputSchema>;

export const TradeCancelInputSchema = z.object({
  characterId: IdSchema,
  tradeId: IdSchema,
  reason: z.enum(TRADE_CANCEL_REASONS).default('cancelled'),
});
export type TradeCancelInput = z.input<typeof TradeCancelInputSchema>;

// The socket payloads (the sim adds the session's character): trade:request … trade:cancel
/** trade:request — ask a player in range, by name (the chat's /trade, the player menu) */
export const TradeRequestPayloadSchema = z.object({ name: CharacterNameRefSchema });
/** trade:answer — yes or no to a request made to you */
export const TradeAnswerPayloadSchema = TradeAnswerInputSchema.omit({ characterId: true });
/** trade:offer — your whole offer */
export const TradeOfferPayloadSchema = TradeOfferInputSchema.omit({ characterId: true });
/** trade:accept — the offer as it was at `version` */
export const TradeAcceptPayloadSchema = TradeAcceptInputSchema.omit({ characterId: true });
/** trade:cancel — close the window (or withdraw the request) */
export const TradeCancelPayloadSchema = z.object({ tradeId: IdSchema });

/** trade.history — the caller's character's trades that ended, newest first, a page at a time */
export const TradeHistoryInputSchema = z.object({
  characterId: IdSchema,
  /** the last entry of the page before */
  cursor: IdSchema.optional(),
  limit: z.int().min(1).max(50).default(TRADE_HISTORY_PAGE),
});
export type TradeHistoryInput = z.input<typeof TradeHistoryInputSchema>;

/** One ended trade as one side remembers it. */
export interface TradeHistoryEntry {
  id: string;
  /** the other trader's name */
  with: string;
  result: 'completed' | TradeCancelReason;
  /** what went (completed) or was on the table (cancelled), each way */
  gave: { templateId: string; quantity: number }[];
  got: { templateId: string; quantity: number }[];
  gaveEddies: number;
  gotEddies: number;
  /** ms epoch */
  closedAt: number;
}

export interface TradeHistoryPage {
  entries: TradeHistoryEntry[];
  /** cursor of the next page, or null at the end */
  next: string | null;
}

export interface TradeItemView {
  itemId: string;
  templateId: string;
  quantity: number;
  durability: number | null;
}

export interface TradeSideView {
  characterId: string;
  name: string;
  eddies: number;
  /** accepted the current version */
  accepted: boolean;
  items: TradeItemView[];
}

export interface TradeView {
  id: string;
  state: TradeState;
  version: number;
  /** the viewer's side */
  me: TradeSide;
  a: TradeSideView;
  b: TradeSideView;
  /** ms epoch: when the viewer may accept (the other side's last change + the delay) */
  acceptableAt: number;
  /** ms epoch: the idle cancel */
  expiresAt: number;
  closedAt: number | null;
  closeReason: 'completed' | TradeCancelReason | null;
}
