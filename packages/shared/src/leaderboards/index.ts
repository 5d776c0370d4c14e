export * from './leaderboard-rules';
export * from './leaderboard-api';
export * from './public-page-paths';
