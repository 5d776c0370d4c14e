export * from './change-reputation';
export * from './read-standings';
export * from './list-standings';
