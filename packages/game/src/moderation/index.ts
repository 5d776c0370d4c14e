export * from './ban-account';
export * from './unban-account';
export * from './report-player';
export * from './reports';
