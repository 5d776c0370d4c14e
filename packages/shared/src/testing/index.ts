export * from './bad-values';
export * from './sample-welcome';
