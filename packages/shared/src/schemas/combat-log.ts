/**
 * The moderators' combat log query (moderation.combatLog): filters, bounds and the
 * keyset cursor. The domain (packages/game/src/combat/combat-log.ts) parses it again.
 */
import { z } from 'zod';
import { IdSchema, TextSchema } from './primitives';

export const COMBAT_LOG_MAX_LIMIT = 200;

/**
 * Dates a moderator can filter by: PostgreSQL's timestamp range is wider than
 * JavaScript's on one side and narrower on the other, so both ends are bounded
 * here (an extreme date is a 400, not a database error).
 */
export const COMBAT_LOG_MIN_DATE = new Date('1970-01-01T00:00:00.000Z');
export const COMBAT_LOG_MAX_DATE = new Date('9999-12-31T23:59:59.999Z');
/** The row id is a PostgreSQL bigint. */
const INT8_MAX = 2n ** 63n - 1n;

const LogDate = z.coerce
  .date({ error: 'Invalid date' })
  .min(COMBAT_LOG_MIN_DATE, 'Date is out of range')
  .max(COMBAT_LOG_MAX_DATE, 'Date is out of range');

/** `<epoch ms>:<row id>` as nextCursor made it; both halves within what the database holds. */
const Cursor = z
  .string()
  .max(40, { error: 'Invalid cursor', abort: true })
  .regex(/^\d{1,15}:\d{1,19}$/, { error: 'Invalid cursor', abort: true })
  .refine((c) => {
    const [ms = '', id = ''] = c.split(':');
    return Number(ms) <= COMBAT_LOG_MAX_DATE.getTime() && BigInt(id) <= INT8_MAX;
  }, 'Invalid cursor');

export const ReadCombatLogInputSchema = z
  .object({
    /** rows where this character is the source or the target */
    characterId: IdSchema.optional(),
    /** the same by name (case-insensitive), for moderators who only know the name */
    characterName: TextSchema(32, { min: 1 }).optional(),
    zoneId: IdSchema.optional(),
    since: LogDate.optional(),
    until: LogDate.optional(),
    /** nextCursor of the previous page */
    cursor: Cursor.optional(),
    limit: z.int().min(1).max(COMBAT_LOG_MAX_LIMIT).default(50),
  })
  .refine((i) => !(i.since && i.until) || i.since <= i.until, {
    message: '"since" must not be after "until"',
    path: ['since'],
  });
export type ReadCombatLogInput = z.input<typeof ReadCombatLogInputSchema>;
