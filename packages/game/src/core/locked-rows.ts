/**
 * The rows raw statements return (lock statements, the market's and a bid's hot paths),
 * parsed here — the one home of these schemas. `satisfies` ties each
 * schema to Prisma's model type: a column added to the model that is missing here
 * fails the type check instead of silently going missing from the row. A closed-set
 * column is read through its set's enum (core/closed-columns.ts), so the row types below
 * (`…Row`, what these schemas return) carry the sets where Prisma's models say `string`.
 */
import { z } from 'zod';
import {
  ItemContainer,
  type AuctionListing,
  type Character,
  type Contract,
  type Craft,
  type Item,
  type MarketOrder,
  type Trade,
  type TradeItem,
} from '@necp/db';
import { closedSet } from './closed-columns';

const int = z.number().int();
const id = z.string();
const date = z.date();

export const CharacterRowSchema = z.object({
  id,
  userId: id,
  name: z.string(),
  nameLower: z.string(),
  origin: closedSet.Character.origin,
  class: closedSet.Character.class,
  level: int,
  xp: int,
  health: int,
  maxHealth: int,
  body: int,
  reflexes: int,
  technical: int,
  intelligence: int,
  cool: int,
  zoneId: z.string(),
  x: z.number(),
  y: z.number(),
  lastPlayedAt: date.nullable(),
  deletedAt: date.nullable(),
  createdAt: date,
  updatedAt: date,
  eddies: int,
  attributePoints: int,
  respecCount: int,
  bagSlots: int,
  achievementPoints: int,
  titleId: z.string().nullable(),
  instanceId: z.string().nullable(),
}) satisfies z.ZodType<Character>;

/** far above any bag, equipment or bank (a cap on what a parse accepts, as every list has) */
export const MAX_LOCKED_ITEMS = 1000;

export const ItemRowSchema = z.object({
  id,
  templateId: id,
  quantity: int,
  durability: int.nullable(),
  container: z.enum(ItemContainer),
  slot: int,
  characterId: id.nullable(),
  userId: id.nullable(),
  boundCharacterId: id.nullable(),
  reservation: z.string().max(200).nullable(),
  quality: closedSet.Item.quality.nullable(),
  createdAt: date,
  updatedAt: date,
}) satisfies z.ZodType<Item>;

export const ItemRowsSchema = z.array(ItemRowSchema).max(MAX_LOCKED_ITEMS);

/** A market order as raw SQL reads it (`SELECT *`). */
export const MarketOrderRowSchema = z.object({
  id: z.string(),
  no: z.bigint(),
  characterId: z.string().nullable(),
  idempotencyKey: z.string(),
  templateId: z.string(),
  name: z.string(),
  side: closedSet.MarketOrder.side,
  type: closedSet.MarketOrder.type,
  price: int,
  quantity: int,
  remaining: int,
  filled: int,
  value: int,
  fee: int,
  escrow: int,
  payout: int,
  itemId: z.string().nullable(),
  booked: z.boolean(),
  state: closedSet.MarketOrder.state,
  durationH: closedSet.MarketOrder.durationH,
  placedAt: z.date(),
  expiresAt: z.date(),
  closedAt: z.date().nullable(),
}) satisfies z.ZodType<MarketOrder>;
export type MarketOrderRow = z.output<typeof MarketOrderRowSchema>;

/** An auction listing as raw SQL reads it (`SELECT *`). */
export const AuctionListingRowSchema = z.object({
  id: z.string(),
  sellerId: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  sellerName: z.string(),
  itemId: z.string().nullable(),
  templateId: z.string(),
  name: z.string(),
  category: closedSet.AuctionListing.category,
  level: int,
  rarity: closedSet.AuctionListing.rarity,
  quantity: int,
  durability: int.nullable(),
  startBid: int,
  buyout: int.nullable(),
  deposit: int,
  durationH: int,
  bid: int,
  bidderId: z.string().nullable(),
  bids: int,
  price: int,
  eddies: int,
  listedAt: z.date(),
  endsAt: z.date(),
  state: closedSet.AuctionListing.state,
  closedAt: z.date().nullable(),
  season: z.string().nullable(),
  lotSlot: int.nullable(),
  opensAt: z.date().nullable(),
}) satisfies z.ZodType<AuctionListing>;
export type AuctionListingRow = z.output<typeof AuctionListingRowSchema>;

/** A trade as raw SQL reads it (`SELECT *`). */
export const TradeRowSchema = z.object({
  id,
  aId: id,
  bId: id,
  state: closedSet.Trade.state,
  version: int,
  aAccepted: int.nullable(),
  bAccepted: int.nullable(),
  aEddies: int,
  bEddies: int,
  changedAt: date,
  changedBy: closedSet.Trade.changedBy.nullable(),
  openedAt: date,
  expiresAt: date,
  closedAt: date.nullable(),
  closeReason: closedSet.Trade.closeReason.nullable(),
}) satisfies z.ZodType<Trade>;
export type TradeRow = z.output<typeof TradeRowSchema>;

/** A trade's offered stacks (`SELECT *`; at most TRADE_SLOTS a side). */
export const TradeItemRowsSchema = z
  .array(
    z.object({
      tradeId: id,
      itemId: id,
      side: closedSet.TradeItem.side,
      templateId: id,
      quantity: int,
      position: int,
    }) satisfies z.ZodType<TradeItem>,
  )
  .max(100);
export type TradeItemRow = z.output<typeof TradeItemRowsSchema>[number];

/** A craft as raw SQL reads it (`SELECT *`; `rolls` the record of a finished one). */
export const CraftRowSchema = z.object({
  id,
  characterId: id,
  recipeId: z.string(),
  idempotencyKey: z.string(),
  seed: z.string(),
  state: closedSet.Craft.state,
  startedAt: date,
  completesAt: date,
  finishedAt: date.nullable(),
  success: z.boolean().nullable(),
  quality: closedSet.Craft.quality.nullable(),
  rolls: z.json().nullable(),
  skillBefore: int,
  skillAfter: int.nullable(),
  outputItemId: id.nullable(),
  outputMailId: id.nullable(),
}) satisfies z.ZodType<Craft>;
export type CraftRow = z.output<typeof CraftRowSchema>;

/** A contract as raw SQL reads it (`SELECT *`). */
export const ContractRowSchema = z.object({
  id,
  posterId: id.nullable(),
  posterName: z.string(),
  idempotencyKey: z.string(),
  takerId: id.nullable(),
  takerName: z.string().nullable(),
  kind: closedSet.Contract.kind,
  targetId: z.string(),
  targetName: z.string(),
  quantity: int,
  progress: int,
  reward: int,
  collateral: int,
  fee: int,
  escrow: int,
  note: z.string(),
  state: closedSet.Contract.state,
  postedAt: date,
  acceptBy: date,
  deliverH: int,
  acceptedAt: date.nullable(),
  deadline: date.nullable(),
  deliveredAt: date.nullable(),
  releaseAt: date.nullable(),
  closedAt: date.nullable(),
}) satisfies z.ZodType<Contract>;
export type ContractRow = z.output<typeof ContractRowSchema>;
