export * from './instance-templates';
export * from './instance-rules';
export * from './instance-messages';
