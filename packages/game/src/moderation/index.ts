export * from './ban-account';
export * from './unban-account';
