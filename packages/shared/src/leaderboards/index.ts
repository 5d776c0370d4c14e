export * from './leaderboard-rules';
export * from './public-page-paths';
// the inputs and views of its procedures (their home is schemas/leaderboards.ts)
export * from '../schemas/leaderboards';
