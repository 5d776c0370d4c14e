/**
 * A season's final standings: the top SEASON_ARCHIVE_TOP rows of every board, overall
 * and per class, read from PostgreSQL inside the season's end (the same order, ranks
 * and values as the live boards) and kept as SeasonStanding rows with the names,
 * levels and tags of that moment.
 */
import {
  CLASS_IDS,
  LEADERBOARD_KEYS,
  SEASON_ARCHIVE_TOP,
  competitionRanks,
  type ClassId,
} from '@necp/shared';
import { Prisma } from '@necp/db';
import type { Tx } from '../core/deps';
import { boardSource } from '../leaderboards/board-registry';
import { characterInfo, guildInfo } from '../leaderboards/hydrate';

interface Row {
  id: string;
  s1: bigint | number;
  s2: bigint | number;
}

/** The top rows of one board and scope, ranked as the board ranks them. */
async function topOf(
  tx: Tx,
  board: (typeof LEADERBOARD_KEYS)[number],
  cls: ClassId | null,
  now: Date,
) {
  const source = boardSource(board);
  const rows = await tx.$queryRaw<Row[]>`
    SELECT b."id", b."s1", b."s2" FROM (${source.rows(now)}) b
    WHERE ${cls ? Prisma.sql`b."class" = ${cls}` : Prisma.sql`TRUE`}
    ORDER BY b."s1" DESC, b."s2" DESC, b."id" COLLATE "C"
    LIMIT ${SEASON_ARCHIVE_TOP}`;
  const scores = rows.map((r) => source.score(Number(r.s1), Number(r.s2)));
  return { source, rows, scores, ranks: competitionRanks(scores, 1, 1) };
}

/** Archives every board's final standings of `season`; returns the rows written. */
export async function archiveStandings(tx: Tx, season: string, now: Date): Promise<number> {
  let written = 0;
  for (const board of LEADERBOARD_KEYS) {
    const scopes: (ClassId | null)[] = [null, ...(boardSource(board).byClass ? CLASS_IDS : [])];
    for (const cls of scopes) {
      const { source, rows, scores, ranks } = await topOf(tx, board, cls, now);
      if (rows.length === 0) continue;
      const ids = rows.map((r) => r.id);
      const info = await (source.subject === 'guild' ? guildInfo : characterInfo)(tx, now, ids);
      const data = rows.flatMap((r, i) => {
        const s = info.get(r.id);
        if (!s) return [];
        const shown = source.show(scores[i]!);
        return [
          {
            season,
            board,
            scope: cls ?? 'all',
            position: i + 1,
            rank: ranks[i]!,
            subjectId: r.id,
            name: s.name,
            class: s.class,
            level: s.level,
            guildTag: s.guildTag,
            value: shown.value,
            detail: source.subject === 'guild' ? s.members : shown.detail,
          },
        ];
      });
      await tx.seasonStanding.createMany({ data, skipDuplicates: true });
      written += data.length;
    }
  }
  return written;
}
