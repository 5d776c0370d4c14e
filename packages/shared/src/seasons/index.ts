export * from './season-rules';
