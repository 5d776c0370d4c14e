/**
 * Inputs and views of the seasonal sealed lots (auction/sealed-lots.ts has the rule).
 * Sealed: a view never shows another bidder's max — only how many bid and, once the
 * lot is closed, who won and at what price.
 */
import { z } from 'zod';
import { AUCTION_PRICE_MAX } from '../auction/auction-rules';
import type { Rarity } from '../content/item-schema';
import { SeasonKeySchema } from '../seasons/season-rules';
import { IdSchema } from './primitives';

/** A season's lots (by default the current season's). */
export const SealedLotsInputSchema = z.object({
  characterId: IdSchema,
  season: SeasonKeySchema.optional(),
});
export type SealedLotsInput = z.input<typeof SealedLotsInputSchema>;

/** A sealed maximum: the most the bidder will pay (a later one must be higher). */
export const SealedBidInputSchema = z.object({
  characterId: IdSchema,
  lotId: IdSchema,
  max: z.int('Whole eddies').min(1, 'At least 1 eddy').max(AUCTION_PRICE_MAX),
});
export type SealedBidInput = z.input<typeof SealedBidInputSchema>;

export type SealedLotPhase = 'upcoming' | 'open' | 'closing' | 'closed';

export interface SealedLotView {
  id: string;
  season: string;
  templateId: string;
  name: string;
  rarity: Rarity;
  level: number;
  quantity: number;
  reserve: number;
  /** ms epoch: bids are taken in [opensAt, closesAt) */
  opensAt: number;
  closesAt: number;
  /** upcoming, open, closing (past closesAt, settling), closed (settled) */
  phase: SealedLotPhase;
  /** how many characters bid (never their maxima) */
  bidders: number;
  /** the viewer's sealed max, 0 when they have not bid */
  myMax: number;
  /** once closed: the winner's name and the price (null: nobody reached the reserve) */
  winner: string | null;
  price: number | null;
  /** once closed: the viewer won it */
  won: boolean;
}
