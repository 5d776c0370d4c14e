/**
 * A read sent with a direct transaction's COMMIT (raw-transaction.ts), in the same round
 * trip and run after it: COMMIT parsed, bound and run unnamed, then the read, then ONE
 * Sync. Should COMMIT fail, PostgreSQL skips the read (an error skips everything up to
 * the Sync). For what a writer that held something others wait for must look at once it
 * has let go (the market's look for orders left to its matcher, match-book.ts): a round
 * trip fewer a transaction — round trips are most of the market's CPU (docs/perf.md).
 */
import type pg from 'pg';
import { hasPrepared, PgQuery, sendUnnamed, type Wire } from './pg-query';
import type { Tx } from './db-types';
import { poolOf, rowTypes, type RowQuery } from './read-rows';

/** What a transaction's `tx` of runTransaction answers to: register the read. */
export const AFTER_COMMIT = Symbol('necp.readAfterCommit');

/** The read's rows, or what it failed with (the commit stands either way). */
export type ReadOutcome = { rows: unknown[] } | { error: unknown };

export interface AfterCommitRead {
  q: RowQuery;
  /** its outcome once the transaction committed; null when it did not (first call wins) */
  settle(outcome: ReadOutcome | null): void;
}

/**
 * The rows of `q`, read right after the transaction of `tx` commits (with its COMMIT where
 * it can be) — null when it did not commit (rolled back, or run again: the next attempt's
 * read is its own); rejected when the read failed after the commit. Await it only once the
 * transaction has answered, and return it from the body inside an object: a body that
 * returns the promise itself waits for it before its COMMIT, for ever. One read a
 * transaction; `tx` must be runTransaction's.
 */
export function readAfterCommit(tx: Tx, q: RowQuery): Promise<unknown[] | null> {
  const register = (tx as unknown as Record<symbol, unknown>)[AFTER_COMMIT] as
    ((read: AfterCommitRead) => void) | undefined;
  if (!register) throw new Error('readAfterCommit: not a transaction of runTransaction');
  let resolve!: (rows: unknown[] | null) => void;
  let reject!: (error: unknown) => void;
  const rows = new Promise<unknown[] | null>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  let settled = false;
  // a second read in the transaction throws here, in the body
  register({
    q,
    settle(outcome) {
      if (settled) return;
      settled = true;
      if (outcome === null) resolve(null);
      else if ('rows' in outcome) resolve(outcome.rows);
      else reject(outcome.error);
    },
  });
  return rows;
}

const asQuery = (read: RowQuery) => ({
  name: read.name,
  text: read.text,
  values: read.values,
  types: rowTypes,
});

/** `read` on `conn` on its own (a transaction that sent no COMMIT: nothing to go with). */
export function readOn(conn: pg.PoolClient, read: RowQuery): Promise<ReadOutcome> {
  return conn.query(asQuery(read)).then(
    (r) => ({ rows: r.rows as unknown[] }),
    (error: unknown) => ({ error }),
  );
}

/** COMMIT, then the read, one Sync; `committed` once COMMIT's own completion arrived. */
class CommitThen extends PgQuery {
  committed = false;
  override prepare(c: Wire): void {
    sendUnnamed(c, 'COMMIT');
    super.prepare(c);
  }
  override handleCommandComplete(msg: unknown, c: Wire): void {
    this.committed = true;
    super.handleCommandComplete(msg, c);
  }
}

/**
 * COMMIT on `conn`, then `read`: the read's outcome (a read that failed after the commit
 * is its error, not this call's). Throws only when COMMIT failed. In one round trip once
 * the connection has prepared the read; its first use on a connection goes after COMMIT's
 * answer (pg marks a named statement prepared at the first ParseComplete it reads, which
 * here would be COMMIT's).
 */
export async function commitThenRead(conn: pg.PoolClient, read: RowQuery): Promise<ReadOutcome> {
  if (!hasPrepared(conn, read.name)) {
    await conn.query('COMMIT');
    return readOn(conn, read);
  }
  return new Promise((resolve, reject) => {
    const query = new CommitThen({
      ...asQuery(read),
      callback: (err, res) => {
        if (!err) resolve({ rows: (Array.isArray(res) ? res[res.length - 1]! : res).rows });
        else if (query.committed) resolve({ error: err });
        else reject(err);
      },
    });
    conn.query(query as unknown as pg.QueryConfig);
  });
}

/** readAfterCommit's registration on `slot` (one read a transaction). */
export function readAfterCommitOn(slot: { closed: boolean; afterCommit?: AfterCommitRead }) {
  return (read: AfterCommitRead) => {
    if (slot.afterCommit) throw new Error('readAfterCommit: one read a transaction');
    if (slot.closed) return read.settle(null);
    slot.afterCommit = read;
  };
}

/** A read after a commit of Prisma's (readAfterCommit), on the client's pool. */
export function readAfterPrisma(
  db: unknown,
  read: AfterCommitRead,
): ReadOutcome | Promise<ReadOutcome> {
  const pool = poolOf(db);
  if (!pool) return { error: new Error('readAfterCommit: the client was not made by createDb') };
  return pool.query({ ...read.q, types: rowTypes }).then(
    (r) => ({ rows: r.rows as unknown[] }),
    (error: unknown) => ({ error }),
  );
}
