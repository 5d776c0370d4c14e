export * from './glicko2';
export * from './arena-brackets';
