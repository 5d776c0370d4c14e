import type { Prisma } from '@necp/db';
import { z } from 'zod';
import { IdSchema, TextSchema } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';

export type CombatLogKind = 'hit' | 'miss' | 'heal' | 'tick' | 'effect' | 'death' | 'respawn';

/** One combat log row as the sim builds it (trusted, in-process: no Zod on the hot path). */
export interface CombatLogRow {
  at: Date;
  zoneId: string;
  kind: CombatLogKind;
  sourceKind: string;
  /** a character id, or npcActorId for NPCs */
  sourceId: string;
  sourceName: string;
  targetKind: string;
  targetId: string;
  targetName: string;
  /** ability or effect id */
  abilityId?: string | null;
  amount?: number;
  crit?: boolean;
  damageType?: string | null;
  /** health of the target after the event */
  targetHealth?: number | null;
}

/** Appends rows in one statement (the sim flushes its buffer about once a second). Returns the count. */
export async function appendCombatLog(
  deps: Pick<GameDeps, 'db'>,
  rows: readonly CombatLogRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await deps.db.combatLogEntry.createMany({
    data: rows.map((row) => ({ ...row, amount: Math.round(row.amount ?? 0) })),
  });
  return r.count;
}

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

export interface CombatLogEntryView extends Required<CombatLogRow> {
  /** the row id, as a string (bigint) */
  id: string;
}

export interface CombatLogPage {
  entries: CombatLogEntryView[];
  /** pass as `cursor` for the next (older) page; null at the end */
  nextCursor: string | null;
}

/**
 * Reads the combat log newest first (by `at`, then id), filtered by character
 * (as source or target), zone and time window; pages with an opaque cursor.
 */
export async function readCombatLog(
  deps: Pick<GameDeps, 'db'>,
  input: ReadCombatLogInput,
): Promise<CombatLogPage> {
  const q = parseInput(ReadCombatLogInputSchema, input);
  const characterIds: string[] = [];
  if (q.characterId) characterIds.push(q.characterId);
  if (q.characterName) {
    const c = await deps.db.character.findUnique({
      where: { nameLower: q.characterName.toLowerCase() },
      select: { id: true },
    });
    if (!c)
      throw new DomainError(
        'NOT_FOUND',
        'no character with that name',
        'No character by that name',
      );
    characterIds.push(c.id);
  }
  const and: Prisma.CombatLogEntryWhereInput[] = [];
  for (const id of characterIds) and.push({ OR: [{ sourceId: id }, { targetId: id }] });
  if (q.zoneId) and.push({ zoneId: q.zoneId });
  if (q.since) and.push({ at: { gte: q.since } });
  if (q.until) and.push({ at: { lte: q.until } });
  if (q.cursor) {
    const [ms, id] = q.cursor.split(':');
    const at = new Date(Number(ms));
    const before = BigInt(id ?? '0');
    and.push({ OR: [{ at: { lt: at } }, { at, id: { lt: before } }] });
  }
  const rows = await deps.db.combatLogEntry.findMany({
    where: { AND: and },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    entries: page.map((r) => ({
      ...r,
      id: r.id.toString(),
      kind: r.kind as CombatLogKind,
    })),
    nextCursor: rows.length > q.limit && last ? `${last.at.getTime()}:${last.id}` : null,
  };
}
