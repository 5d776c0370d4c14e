export * from './friends';
export * from './presence';
