export * from './client';
export * from './url';
export { readRows, type RowQuery } from './read-rows';
export { readAfterCommit } from './after-commit';
export { directFallbacks, runTransaction, type RunTransactionOptions } from './raw-transaction';
export { listenChannel, type Listening } from './listen';
export * from './generated/prisma/client';
export { migrateDeploy } from './migrate';
export { seedContent, itemTemplateRow } from './seed-content';
