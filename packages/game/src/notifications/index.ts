export * from './notifications';
export * from './notification-subscriber';
