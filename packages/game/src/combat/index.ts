export * from './award-kill';
export * from './record-death';
export * from './combat-wear';
export * from './combat-log';
export * from './weapon-skill';
