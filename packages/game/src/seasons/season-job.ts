/**
 * The season job (graphile-worker, on every outbox worker: packages/game's
 * startOutboxWorker adds it): a cron line every minute — each instant runs once across
 * every node — and one run when a worker starts (job key `seasons_tick`: one queued at
 * a time however many start together), so a season whose end passed while the servers
 * were down ends as soon as one is back. Exactly once is the database's: endDueSeason
 * ends a season under its row lock, and a second run finds nothing due.
 *
 * With Redis, each run also makes sure the seasonal boards' sorted sets (the arena
 * brackets, guild renown: shared SEASONAL_BOARD_KEYS) hold the current season: a marker
 * names the season they were built for; when it differs they are dropped, and the next
 * read or the leaderboards' minute job rebuilds them from the new season's rows (until
 * then reads answer from PostgreSQL) — the renown board then starts empty.
 */
import { SEASONAL_BOARD_KEYS } from '@necp/shared';
import type { Redis } from 'ioredis';
import type { GameDeps } from '../core/deps';
import { scheduleSealedLots } from '../auction/schedule-sealed-lots';
import { boardSource } from '../leaderboards/board-registry';
import { boardSetKeys } from '../leaderboards/redis-boards';
import { currentSeason } from './current-season';
import { endDueSeason, type SeasonEnded } from './end-season';

export const SEASON_TASK = 'seasons_tick';
export const SEASON_CRONTAB = `* * * * * ${SEASON_TASK}`;
/** The job key of the run queued when a worker starts. */
export const SEASON_STARTUP_JOB_KEY = 'seasons_tick_startup';

/**
 * The season the seasonal boards' sorted sets were built for (named when only the arena
 * boards were seasonal; kept so a running deployment does not drop them once more).
 */
const ARENA_SEASON_MARKER = 'lb:arena-season';

export type SeasonTickDeps = Pick<GameDeps, 'db' | 'clock' | 'log'> & { redis?: Redis | undefined };

/**
 * Drops the seasonal boards' sets when they were built for another season; true when it
 * did. (A rebuild reads the current season's rows; the subscriber writes only sets that
 * exist.)
 */
export async function syncSeasonalBoards(redis: Redis, season: string): Promise<boolean> {
  if ((await redis.get(ARENA_SEASON_MARKER)) === season) return false;
  const keys = SEASONAL_BOARD_KEYS.flatMap((b) => boardSetKeys(b, boardSource(b).byClass));
  await redis.del(...keys);
  await redis.set(ARENA_SEASON_MARKER, season);
  return true;
}

/**
 * One run of the season job: ends the season if due, puts up the current season's
 * sealed lots (once: auction/schedule-sealed-lots.ts), then aligns the seasonal boards.
 */
export async function runSeasonTick(deps: SeasonTickDeps): Promise<SeasonEnded | null> {
  const ended = await endDueSeason(deps);
  const season = await currentSeason(deps.db);
  const lots = await scheduleSealedLots(deps, season);
  if (lots > 0) deps.log.info({ season: season.key, lots }, 'sealed lots put up for the season');
  if (deps.redis && (await syncSeasonalBoards(deps.redis, season.key)))
    deps.log.info(
      { season: season.key },
      'seasonal boards dropped for the season (rebuilt from PostgreSQL)',
    );
  return ended;
}
