export * from './bad-values';
