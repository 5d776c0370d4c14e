/**
 * pg's Query as the pipelined queries use it (after-begin.ts, after-commit.ts): a query
 * that sends another statement in the same round trip, ahead of its own, before one Sync.
 * These are pg's internals, not in its types.
 */
import pg from 'pg';

/** What such a query reaches of pg's Connection. */
export interface Wire {
  parse(m: { text: string; name?: string }): void;
  bind(m: { portal: string; statement: string; values: unknown[] }): void;
  execute(m: { portal: string }): void;
}

export type QueryConfig = pg.QueryConfig & {
  types: pg.CustomTypesConfig;
  /** every statement's result, in order, once the Sync is answered; or the first error */
  callback: (err: Error | null, res: pg.QueryResult | pg.QueryResult[]) => void;
};

export const PgQuery = pg.Query as unknown as new (config: QueryConfig) => {
  prepare(c: Wire): void;
  handleCommandComplete(msg: unknown, c: Wire): void;
};

/** Sends `statement` (no parameters, unnamed) ahead of what follows on the wire. */
export function sendUnnamed(c: Wire, statement: string): void {
  c.parse({ text: statement, name: '' });
  c.bind({ portal: '', statement: '', values: [] });
  c.execute({ portal: '' });
}

/** Whether `conn` has prepared the named statement (pipelining needs it prepared). */
export const hasPrepared = (conn: pg.PoolClient, name: string): boolean =>
  (conn as unknown as { connection: { parsedStatements: Record<string, string> } }).connection
    .parsedStatements[name] !== undefined;
