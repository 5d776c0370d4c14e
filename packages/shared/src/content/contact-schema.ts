/**
 * Contacts: the non-combat people of the city — fixers who hand out gigs,
 * vendors, informants. They stand at fixed places, cannot be attacked, and are
 * talked to (dialogue) within INTERACT_RANGE. The sim shows them as `contact`
 * entities whose templateId is the contact id. Data: contacts.ts.
 */
import { z } from 'zod';

export const ContactIdSchema = z.string().regex(/^[a-z0-9_]+$/);

export const ContactSchema = z.object({
  id: ContactIdSchema,
  name: z.string().min(2),
  /** shown under the name on the map and in the dialogue window: "Fixer", "Ripperdoc" */
  title: z.string().min(2),
  zoneId: z.string().regex(/^[a-z0-9-]+$/),
  /** metres */
  x: z.number().nonnegative(),
  y: z.number().nonnegative(),
  /** faction id (content/factions.ts): standing with it gates dialogue and sets vendor prices */
  factionId: z.string().regex(/^[a-z0-9_]+$/),
  /** dialogue tree id (content/dialogues.ts); every contact can be talked to */
  dialogueId: z.string().regex(/^[a-z0-9_]+$/),
  /** vendor id (content/vendors.ts) when the contact trades */
  vendorId: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .optional(),
  /** one line the map tooltip shows ("Gigs for newcomers") */
  blurb: z.string().optional(),
});
export type Contact = z.infer<typeof ContactSchema>;
export type ContactInput = z.input<typeof ContactSchema>;

/** Metres within which a contact can be talked to (dialogue, quests, trade) and a metro ridden. */
export const INTERACT_RANGE = 4;
