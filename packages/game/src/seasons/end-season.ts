/**
 * The end of a season (docs/seasons.md), one transaction that runs exactly once per
 * season however many processes try, and whenever it runs late:
 *
 *   1. the active Season row is locked FOR UPDATE, and nothing happens unless its
 *      endsAt has passed — a second runner waits on that lock, then finds the row no
 *      longer active (and the next season not yet due): it changes nothing;
 *   2. every board's final standings are archived (SeasonStanding), guild renown's too;
 *   3. the arena soft reset writes the next season's starting ratings;
 *   4. rewards by final rank go out by system mail — the arena brackets' top ranks and,
 *      the Neon Popularity Reset, the members of the top guilds by the season's renown;
 *   5. the season is marked ended and the next one opened, on the schedule
 *      (nextSeasonWindow: a downtime shifts nothing); `season.ended` is published (the
 *      public board pages are revalidated). Guild renown is kept per (guild, season):
 *      the new season has no rows, so its renown board starts at zero with nothing
 *      deleted — the ended season's rows stay, as its archive was read from them.
 *
 * Renown credits take the Season row FOR SHARE first too (renown/credit-renown.ts).
 *
 * Arena results take the Season row FOR SHARE first (finishArenaMatch), so every match
 * is rated either before the archive and the reset read the ratings, or in the new
 * season.
 */
import { nextSeasonWindow, seasonKey } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { publishEvent } from '../outbox/publish-event';
import { archiveStandings } from './archive-standings';
import type { SeasonRow } from './current-season';
import { mailSeasonRewards } from './season-rewards';
import { softResetArena } from './soft-reset';
import { inTransaction } from '../core/transaction';

export interface SeasonEnded {
  ended: string;
  opened: string;
  /** the new season's scheduled end */
  endsAt: Date;
  /** SeasonStanding rows written */
  archived: number;
  /** ratings carried into the new season */
  reset: number;
  /** reward mails sent */
  mailed: number;
}

/** Generous: the archive sorts every board; the rows of a big game take a while. */
const SEASON_END_TX = { maxWaitMs: 30_000, timeoutMs: 15 * 60_000 } as const;

/** Ends the current season if it is due; null when none is (or another runner just did). */
export async function endDueSeason(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log'>,
): Promise<SeasonEnded | null> {
  const result = await inTransaction(
    deps.db,
    async (tx): Promise<SeasonEnded | null> => {
      const now = deps.clock.now();
      const [season] = await tx.$queryRaw<SeasonRow[]>`
      SELECT "key", "number", "startsAt", "endsAt", "state", "endedAt" FROM "Season"
      WHERE "state" = 'active' ORDER BY "number" DESC LIMIT 1 FOR UPDATE`;
      if (!season || season.endsAt.getTime() > now.getTime()) return null;
      const next = { key: seasonKey(season.number + 1), number: season.number + 1 };
      const window = nextSeasonWindow(season.endsAt, now);

      const archived = await archiveStandings(tx, season.key, now);
      const reset = await softResetArena(tx, season.key, next.key, now);
      const mailed = await mailSeasonRewards(tx, deps.clock, season.key);
      const done = await tx.season.updateMany({
        where: { key: season.key, state: 'active' },
        data: { state: 'ended', endedAt: now },
      });
      // under the row lock nothing else can have ended it: a failure here rolls all back
      if (done.count !== 1) throw new Error(`season ${season.key} ended twice`);
      await tx.season.create({ data: { ...next, ...window, state: 'active' } });
      await publishEvent(tx, {
        type: 'season.ended',
        key: `season.ended:${season.key}`,
        payload: { ended: season.key, opened: next.key },
      });
      return {
        ended: season.key,
        opened: next.key,
        endsAt: window.endsAt,
        archived,
        reset,
        mailed,
      };
    },
    SEASON_END_TX,
  );
  if (result) deps.log.info(result, 'season ended');
  return result;
}
