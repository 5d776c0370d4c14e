export * from './redis';
export * from './test-deps';
