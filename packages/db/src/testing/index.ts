export * from './database';
export * from './factories';
export * from './table-writes';
