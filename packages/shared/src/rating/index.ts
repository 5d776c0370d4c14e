export * from './glicko2';
export * from './arena-brackets';
export * from './arena-result-weight';
