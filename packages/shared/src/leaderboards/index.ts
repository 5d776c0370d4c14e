export * from './leaderboard-rules';
export * from './leaderboard-api';
