export * from '../content/achievement-schema';
export * from '../content/achievements';
export * from './achievement-progress';
// the inputs and views of its procedures (their home is schemas/achievements.ts)
export * from '../schemas/achievements';
