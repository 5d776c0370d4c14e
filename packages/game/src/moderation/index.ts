export * from './ban-account';
export * from './unban-account';
export * from './report-player';
export * from './reports';
export * from './flag-player';
export * from './may-moderate';
