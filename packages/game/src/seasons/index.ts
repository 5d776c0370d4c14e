// Seasons (docs/seasons.md): the current season, the season job that ends one exactly
// once and opens the next, and the public reads of archived standings and the arena.
export {
  currentSeason,
  listSeasons,
  lockCurrentSeason,
  seasonView,
  type SeasonRow,
} from './current-season';
export { endDueSeason, type SeasonEnded } from './end-season';
export {
  SEASON_CRONTAB,
  SEASON_STARTUP_JOB_KEY,
  SEASON_TASK,
  runSeasonTick,
  syncSeasonalBoards,
  type SeasonTickDeps,
} from './season-job';
export { SEASON_MAIL_SENDER } from './season-rewards';
export { readLeaderboardOfSeason, readSeasonStandings } from './read-season-standings';
export { readArenaProfile, readPastSeasons } from './read-arena-profile';
