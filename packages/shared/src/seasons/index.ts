export * from './season-rules';
export * from './guild-renown';
