import type { Prisma } from '@necp/db';
import {
  ReadCombatLogInputSchema,
  type CombatLogKind,
  type Page,
  type ReadCombatLogInput,
} from '@necp/shared';
import { z } from 'zod';
import { closedSet } from '../core/closed-columns';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { BigIdPart, decodeCursor, EpochMsPart, pageOf } from '../core/page-cursor';
import { parseInput } from '../core/validation';

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

export interface CombatLogEntryView extends Required<CombatLogRow> {
  /** the row id, as a string (bigint) */
  id: string;
}

export type CombatLogPage = Page<CombatLogEntryView>;

/** A page's end: the last row's time and bigint id (core/page-cursor.ts). */
const CombatLogKey = z.tuple([EpochMsPart, BigIdPart]);

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
    const [ms, id] = decodeCursor(q.cursor, CombatLogKey);
    const at = new Date(ms);
    and.push({ OR: [{ at: { lt: at } }, { at, id: { lt: BigInt(id) } }] });
  }
  const rows = await deps.db.combatLogEntry.findMany({
    where: { AND: and },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: q.limit + 1,
  });
  return pageOf(
    rows,
    q.limit,
    (r) => [r.at.getTime(), r.id.toString()],
    (r) => ({
      ...r,
      id: r.id.toString(),
      kind: closedSet.CombatLogEntry.kind.parse(r.kind),
    }),
  );
}
