export * from './party-view';
export * from './party';
export * from './group-party';
