export * from './get-character-sheet';
export * from './grant-xp';
export * from './spend-attribute-point';
export * from './respec-attributes';
export * from './gain-skill-xp';
export { deriveCharacterStats } from './derive-character-stats';
