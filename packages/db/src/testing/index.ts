export * from './database';
export * from './factories';
export * from './table-writes';
export * from './free-port';
export * from './certificates';
