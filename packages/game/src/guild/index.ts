export * from './create-guild';
export * from './guild-invites';
export * from './guild-membership';
export * from './guild-settings';
export * from './guild-bank';
export * from './disband-guild';
export * from './read-guild';
export * from './guild-subscriber';
