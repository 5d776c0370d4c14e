/**
 * The arena soft reset: every rating of the ending season starts the next one pulled
 * toward 1500 with a wider deviation (shared softResetRating), wins and losses at 0.
 * Deleted characters keep theirs too (a restore brings them back).
 */
import { softResetRating } from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { Tx } from '../core/deps';

const BATCH = 1000;

export async function softResetArena(tx: Tx, from: string, to: string, now: Date): Promise<number> {
  let after = { characterId: '', bracket: '' };
  let written = 0;
  for (;;) {
    const rows = await tx.arenaRating.findMany({
      where: {
        season: from,
        OR: [
          { characterId: { gt: after.characterId } },
          { characterId: after.characterId, bracket: { gt: after.bracket } },
        ],
      },
      orderBy: [{ characterId: 'asc' }, { bracket: 'asc' }],
      take: BATCH,
    });
    if (rows.length === 0) break;
    const r = await tx.arenaRating.createMany({
      data: rows.map((row) => ({
        characterId: row.characterId,
        bracket: closedSet.ArenaRating.bracket.parse(row.bracket),
        season: to,
        ...softResetRating(row),
        updatedAt: now,
      })),
      skipDuplicates: true,
    });
    written += r.count;
    if (rows.length < BATCH) break;
    const last = rows[rows.length - 1]!;
    after = { characterId: last.characterId, bracket: last.bracket };
  }
  return written;
}
