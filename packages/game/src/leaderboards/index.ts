// The leaderboards' entry points (docs/leaderboards.md): reads for the api and the web,
// the outbox subscriber and minute job for the sim, the rebuild for the operator.
export { BOARD_SOURCES, LEADERBOARD_EVENT_TYPES, type BoardSource } from './board-registry';
export {
  readLeaderboard,
  readLeaderboardAround,
  readLeaderboardRanks,
  type ReadDeps,
} from './read-leaderboards';
export { readPublicProfile } from './read-public-profile';
export {
  rebuildBoard,
  rebuildMissingBoards,
  settleLeaderboardRebuilds,
  type RebuildDeps,
  type RebuildResult,
} from './rebuild-board';
export {
  leaderboardOutboxSubscriber,
  type LeaderboardSubscriberOptions,
} from './leaderboard-subscriber';
export {
  PUBLIC_PAGE_EVENT_TYPES,
  pageChangeOf,
  publicPagePaths,
  type PageChange,
  type PageChangeQuery,
} from './public-page-paths';
export {
  publicPageOutboxSubscriber,
  type PublicPageSubscriberOptions,
} from './public-page-subscriber';
export {
  LEADERBOARD_REFRESH_CRONTAB,
  LEADERBOARD_REFRESH_TASK,
  refreshLeaderboards,
  type RefreshResult,
} from './refresh-job';
