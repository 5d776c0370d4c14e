export { createSimServer, type SimServer, type SimServerOptions } from './server';
export { Zone } from './zone/zone';
export type { ZoneConnection } from './zone/player';
