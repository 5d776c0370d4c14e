/**
 * Inputs and the view of face-to-face trade (trade/trade-rules.ts holds the rules).
 * The domain (packages/game/src/trade) parses every input again.
 */
import { z } from 'zod';
import {
  TRADE_CANCEL_REASONS,
  TRADE_EDDIES_MAX,
  TRADE_HISTORY_PAGE,
  TRADE_CLOSE_REASONS,
  TRADE_SIDES,
  TRADE_SLOTS,
  TRADE_STATES,
  type TradeCloseReason,
} from '../trade/trade-rules';
import { CharacterNameRefSchema, IdSchema } from './primitives';
import { PageCursorSchema, type Page } from './page';

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

/** trade:requested — to the asked player: who asks, until when (answer with trade:answer). */
export const TradeRequestedMsgSchema = z.object({
  tradeId: z.string(),
  from: z.object({ characterId: z.string(), name: z.string() }),
  expiresAt: z.number(),
});
export type TradeRequestedMsg = z.infer<typeof TradeRequestedMsgSchema>;

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
  cursor: PageCursorSchema.optional(),
  limit: z.int().min(1).max(50).default(TRADE_HISTORY_PAGE),
});
export type TradeHistoryInput = z.input<typeof TradeHistoryInputSchema>;

/** One ended trade as one side remembers it. */
export interface TradeHistoryEntry {
  id: string;
  /** the other trader's name */
  with: string;
  result: TradeCloseReason;
  /** what went (completed) or was on the table (cancelled), each way */
  gave: { templateId: string; quantity: number }[];
  got: { templateId: string; quantity: number }[];
  gaveEddies: number;
  gotEddies: number;
  /** ms epoch */
  closedAt: number;
}

export type TradeHistoryPage = Page<TradeHistoryEntry>;

export const TradeItemViewSchema = z.object({
  itemId: z.string(),
  templateId: z.string(),
  quantity: z.number(),
  durability: z.number().nullable(),
});
export type TradeItemView = z.infer<typeof TradeItemViewSchema>;

export const TradeSideViewSchema = z.object({
  characterId: z.string(),
  name: z.string(),
  eddies: z.number(),
  /** accepted the current version */
  accepted: z.boolean(),
  items: z.array(TradeItemViewSchema),
});
export type TradeSideView = z.infer<typeof TradeSideViewSchema>;

/** A trade as one side sees it (trade:update, and the acks of trade:*). */
export const TradeViewSchema = z.object({
  id: z.string(),
  state: z.enum(TRADE_STATES),
  version: z.number(),
  /** the viewer's side */
  me: z.enum(TRADE_SIDES),
  a: TradeSideViewSchema,
  b: TradeSideViewSchema,
  /** ms epoch: when the viewer may accept (the other side's last change + the delay) */
  acceptableAt: z.number(),
  /** ms epoch: the idle cancel */
  expiresAt: z.number(),
  closedAt: z.number().nullable(),
  closeReason: z.enum(TRADE_CLOSE_REASONS).nullable(),
});
export type TradeView = z.infer<typeof TradeViewSchema>;
