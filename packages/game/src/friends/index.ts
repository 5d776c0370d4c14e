export * from './friends';
