export * from './queue-rules';
export * from './queue-schemas';
