export * from './achievement-schema';
export * from './achievements';
export * from './achievement-progress';
export * from './achievement-api';
