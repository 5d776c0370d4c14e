export * from './queue-rules';
export * from './queue-messages';
export * from './queue-levels';
// what players send on the match:* events (their home is schemas/matchmaking.ts)
export * from '../schemas/matchmaking';
