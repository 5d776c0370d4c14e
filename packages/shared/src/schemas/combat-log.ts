/**
 * The moderators' combat log query (moderation.combatLog): filters, bounds and the
 * page (page.ts). The domain (packages/game/src/combat/combat-log.ts) parses it again.
 */
import { z } from 'zod';
import { IdSchema, TextSchema } from './primitives';
import { PageCursorSchema } from './page';

export const COMBAT_LOG_MAX_LIMIT = 200;

/** What a combat log row records (CombatLogEntry.kind). */
export const COMBAT_LOG_KINDS = [
  'hit',
  'miss',
  'heal',
  'tick',
  'effect',
  'death',
  'respawn',
] as const;
export type CombatLogKind = (typeof COMBAT_LOG_KINDS)[number];

/**
 * Dates a moderator can filter by: PostgreSQL's timestamp range is wider than
 * JavaScript's on one side and narrower on the other, so both ends are bounded
 * here (an extreme date is a 400, not a database error).
 */
export const COMBAT_LOG_MIN_DATE = new Date('1970-01-01T00:00:00.000Z');
export const COMBAT_LOG_MAX_DATE = new Date('9999-12-31T23:59:59.999Z');
const LogDate = z.coerce
  .date({ error: 'Invalid date' })
  .min(COMBAT_LOG_MIN_DATE, 'Date is out of range')
  .max(COMBAT_LOG_MAX_DATE, 'Date is out of range');

export const ReadCombatLogInputSchema = z
  .object({
    /** rows where this character is the source or the target */
    characterId: IdSchema.optional(),
    /** the same by name (case-insensitive), for moderators who only know the name */
    characterName: TextSchema(32, { min: 1 }).optional(),
    zoneId: IdSchema.optional(),
    since: LogDate.optional(),
    until: LogDate.optional(),
    cursor: PageCursorSchema.optional(),
    limit: z.int().min(1).max(COMBAT_LOG_MAX_LIMIT).default(50),
  })
  .refine((i) => !(i.since && i.until) || i.since <= i.until, {
    message: '"since" must not be after "until"',
    path: ['since'],
  });
export type ReadCombatLogInput = z.input<typeof ReadCombatLogInputSchema>;
