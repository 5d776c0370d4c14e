export * from './client';
export * from './url';
export * from './generated/prisma/client';
export { migrateDeploy } from './migrate';
export { seedContent, itemTemplateRow } from './seed-content';
