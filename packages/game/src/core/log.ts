import { pino, type Logger } from 'pino';

export type Log = Logger;

/** Structured JSON logs (pino). LOG_LEVEL=silent in tests keeps the output readable. */
export function createLog(name: string, level = process.env.LOG_LEVEL ?? 'info'): Log {
  return pino({ name, level });
}
