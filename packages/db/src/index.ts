export * from './client';
export * from './url';
export { readRows, type RowQuery } from './read-rows';
export { runTransaction, type RunTransactionOptions } from './raw-transaction';
export * from './generated/prisma/client';
export { migrateDeploy } from './migrate';
export { seedContent, itemTemplateRow } from './seed-content';
