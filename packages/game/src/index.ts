export * from './core/errors';
export * from './core/clock';
export * from './core/rng';
export * from './core/log';
export * from './core/deps';
export * from './session/ticket';
