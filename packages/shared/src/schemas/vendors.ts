/** Inputs and views of the vendor procedures (tRPC). */
import type { ReputationTier } from '../rules/reputation';
import { z } from 'zod';
import { CharacterIdInputSchema } from './character';
import { ContentIdSchema, IdSchema, IdempotencyKeySchema } from './primitives';

const ContentId = ContentIdSchema;

/** The vendor window of a contact within INTERACT_RANGE. */
export const VendorGetInputSchema = CharacterIdInputSchema.extend({ contactId: ContentId });
export type VendorGetInput = z.infer<typeof VendorGetInputSchema>;

export const VendorBuyInputSchema = CharacterIdInputSchema.extend({
  contactId: ContentId,
  templateId: ContentId,
  quantity: z
    .int('Quantity must be a whole number')
    .min(1, 'Quantity must be at least 1')
    .max(99, 'At most 99 at a time'),
  /** the unit price the player saw; a different current price refuses (CONFLICT) */
  expectedPrice: z.int().min(0).max(100_000_000).optional(),
  /** the same key again answers the first purchase: nothing bought twice */
  idempotencyKey: IdempotencyKeySchema,
});
export type VendorBuyInput = z.infer<typeof VendorBuyInputSchema>;

export const VendorSellInputSchema = CharacterIdInputSchema.extend({
  contactId: ContentId,
  itemId: IdSchema,
  /** default: the whole stack */
  quantity: z
    .int('Quantity must be a whole number')
    .min(1, 'Quantity must be at least 1')
    .max(9999)
    .optional(),
  /** the same key again answers the first sale: nothing sold twice */
  idempotencyKey: IdempotencyKeySchema,
});
export type VendorSellInput = z.infer<typeof VendorSellInputSchema>;

export const VendorBuybackInputSchema = CharacterIdInputSchema.extend({
  contactId: ContentId,
  itemId: IdSchema,
});
export type VendorBuybackInput = z.infer<typeof VendorBuybackInputSchema>;

export interface VendorStockView {
  templateId: string;
  name: string;
  rarity: string;
  kind: string;
  levelReq: number;
  /** per unit, after the standing multiplier */
  price: number;
  /** limited entries: units left today (all players together); null: unlimited */
  left: number | null;
  dailyLimit: number | null;
}

export interface BuybackView {
  itemId: string;
  templateId: string;
  name: string;
  rarity: string;
  quantity: number;
  price: number;
  soldAt: number;
}

export interface VendorView {
  vendor: { id: string; name: string; contactId: string; contactName: string };
  faction: { id: string; name: string; tier: ReputationTier; multiplier: number };
  stock: VendorStockView[];
  buyback: BuybackView[];
  /** bag item id → what this vendor pays for it now (absent: it does not buy that) */
  sellPrices: Record<string, number>;
  eddies: number;
  /** epoch ms when limited stock restocks */
  restocksAt: number;
}

export interface VendorTradeResult {
  view: VendorView;
  /** eddies spent (negative) or received (positive) */
  eddiesDelta: number;
}
