import { z } from 'zod';
import { ORIGIN_IDS } from '../content/origins';
import { CLASS_IDS } from '../content/classes';
import { IdSchema } from './primitives';

/** 3–16 characters: ASCII letters and digits, at most one hyphen, not at either end. */
export const CharacterNameSchema = z
  .string()
  .max(64, { error: 'Name must be at most 16 characters', abort: true })
  .trim()
  .min(3, 'Name must be at least 3 characters')
  .max(16, 'Name must be at most 16 characters')
  .regex(/^[A-Za-z0-9-]+$/, 'Name may contain letters, digits and one hyphen')
  .refine((n) => (n.match(/-/g)?.length ?? 0) <= 1, 'Name may contain only one hyphen')
  .refine((n) => !n.startsWith('-') && !n.endsWith('-'), 'Name cannot start or end with a hyphen')
  .refine((n) => /[A-Za-z]/.test(n), 'Name must contain a letter');

export const CreateCharacterInputSchema = z.object({
  name: CharacterNameSchema,
  origin: z.enum(ORIGIN_IDS, { error: 'Choose an origin' }),
  class: z.enum(CLASS_IDS, { error: 'Choose a class' }),
});
export type CreateCharacterInput = z.infer<typeof CreateCharacterInputSchema>;

export const CharacterIdInputSchema = z.object({ characterId: IdSchema });
export type CharacterIdInput = z.infer<typeof CharacterIdInputSchema>;

/** What the character list shows. */
export const CharacterSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  origin: z.string(),
  class: z.string(),
  level: z.int(),
  zoneId: z.string(),
  /** the zone's name (the server's content: the roster page loads no zone content) */
  zoneName: z.string(),
  deletedAt: z.date().nullable(),
  /** when a soft-deleted character stops being restorable */
  restorableUntil: z.date().nullable(),
  lastPlayedAt: z.date().nullable(),
});
export type CharacterSummary = z.infer<typeof CharacterSummarySchema>;

export const SimTicketSchema = z.object({
  ticket: z.string(),
  simUrl: z.string(),
  expiresAt: z.date(),
  /**
   * the character is in a raid instance: the sim also wants the group's
   * quantum_sync_token (tRPC `raid.syncToken`) in the handshake
   */
  raid: z.boolean().optional(),
});
export type SimTicket = z.infer<typeof SimTicketSchema>;
