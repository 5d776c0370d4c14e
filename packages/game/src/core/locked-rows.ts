/**
 * The rows the lock statements return (raw SQL, so parsed). `satisfies` ties each
 * schema to Prisma's model type: a column added to the model that is missing here
 * fails the type check instead of silently going missing from the row.
 */
import { z } from 'zod';
import { ItemContainer, type Character, type Item } from '@necp/db';

const int = z.number().int();
const id = z.string();
const date = z.date();

export const CharacterRowSchema = z.object({
  id,
  userId: id,
  name: z.string(),
  nameLower: z.string(),
  origin: z.string(),
  class: z.string(),
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
  quality: z.string().max(20).nullable(),
  createdAt: date,
  updatedAt: date,
}) satisfies z.ZodType<Item>;

export const ItemRowsSchema = z.array(ItemRowSchema).max(MAX_LOCKED_ITEMS);
