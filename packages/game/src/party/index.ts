export * from './party';
export * from './group-party';
