import { z } from 'zod';
import { readRows } from '@necp/db';
import type { CharacterSummary } from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { GameDeps } from '../core/deps';
import { restorableUntil, restoreExpiryCutoff, zoneNameOf } from './character-summary';

/** The columns the roster reads (raw SQL is typed by nothing else, so it is parsed). */
const RosterRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  origin: closedSet.Character.origin,
  class: closedSet.Character.class,
  level: z.number().int(),
  zoneId: z.string(),
  deletedAt: z.date().nullable(),
  lastPlayedAt: z.date().nullable(),
});

/**
 * The account's characters, oldest first, with those deleted but still restorable.
 * One prepared statement on the pool (readRows): the /characters page reads this on
 * every render, and a Prisma model query costs ~1 ms of CPU (docs/perf.md).
 */
export async function listCharacters(deps: GameDeps, userId: string): Promise<CharacterSummary[]> {
  const rows = await readRows(deps.db, {
    name: 'necp_list_characters',
    text: `SELECT id, name, origin, class, level, "zoneId", "deletedAt", "lastPlayedAt"
      FROM "Character"
      WHERE "userId" = $1 AND ("deletedAt" IS NULL OR "deletedAt" > $2)
      ORDER BY "createdAt", id`,
    // an ISO string: the column is UTC without a zone, and pg would send a Date in the
    // process's local zone
    values: [userId, restoreExpiryCutoff(deps.clock.now()).toISOString()],
  });
  return rows.map((raw) => {
    const c = RosterRowSchema.parse(raw);
    return {
      ...c,
      zoneName: zoneNameOf(c.zoneId),
      restorableUntil: c.deletedAt ? restorableUntil(c.deletedAt) : null,
    };
  });
}
