/**
 * Which season is current: the database's one `active` Season row (docs/seasons.md).
 * Never a constant and never the clock: a season whose endsAt has passed stays
 * current until the season job has ended it (then every rating written after lands in
 * the next one), so a match that finishes during a downtime's catch-up is never lost
 * between two seasons.
 */
import { Prisma } from '@necp/db';
import type { SeasonView } from '@necp/shared';
import type { Db, Tx } from '../core/deps';
import { DomainError } from '../core/errors';

export interface SeasonRow {
  key: string;
  number: number;
  startsAt: Date;
  endsAt: Date;
  state: string;
  endedAt: Date | null;
}

/** SQL for the current season's key (the arena boards' rows compare with it). */
export const CURRENT_SEASON_KEY_SQL = Prisma.sql`(SELECT s."key" FROM "Season" s
  WHERE s."state" = 'active' ORDER BY s."number" DESC LIMIT 1)`;

const noSeason = () =>
  new DomainError('INVALID_STATE', 'no active season', 'The arena season is being set up.');

/** The current season (INVALID_STATE when none is open: the seasons migration opens S1). */
export async function currentSeason(db: Db | Tx): Promise<SeasonRow> {
  const row = await db.season.findFirst({
    where: { state: 'active' },
    orderBy: { number: 'desc' },
  });
  if (!row) throw noSeason();
  return row;
}

/**
 * The current season, its row held FOR SHARE until the transaction ends: a writer of
 * season ratings (finishArenaMatch) takes it before any character row, so the season
 * job (which updates the row first) either waits for that writer's commit or is waited
 * for — and then the writer reads the season it opened. The lock order: the Season row,
 * then characters (core/lock-order.ts).
 */
export async function lockCurrentSeason(tx: Tx): Promise<SeasonRow> {
  // the first read may find the row it waited for no longer active (the season job
  // just ended it): a second statement sees the season that job opened
  for (let attempt = 0; attempt < 2; attempt++) {
    const [row] = await tx.$queryRaw<SeasonRow[]>`
      SELECT "key", "number", "startsAt", "endsAt", "state", "endedAt" FROM "Season"
      WHERE "state" = 'active' ORDER BY "number" DESC LIMIT 1 FOR SHARE`;
    if (row) return row;
  }
  throw noSeason();
}

export const seasonView = (s: SeasonRow): SeasonView => ({
  key: s.key,
  number: s.number,
  startsAt: s.startsAt.getTime(),
  endsAt: s.endsAt.getTime(),
  state: s.state === 'ended' ? 'ended' : 'active',
});

/** Every season, newest first (the season filter of the public boards). */
export async function listSeasons(deps: { db: Db }): Promise<SeasonView[]> {
  const rows = await deps.db.season.findMany({ orderBy: { number: 'desc' } });
  return rows.map(seasonView);
}
