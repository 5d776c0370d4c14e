export * from './queue-rules';
export * from './queue-schemas';
export * from './queue-messages';
export * from './queue-levels';
