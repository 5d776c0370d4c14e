export * from './events';
export * from './publish-event';
export * from './subscribers';
export * from './drain-outbox';
export * from './start-outbox-worker';
export * from './retry-policy';
export * from './dead-letters';
export * from './backlog';
export { OUTBOX_CHANNEL, queueDrain, wakeDrainOnEvents } from './wake-drain';
