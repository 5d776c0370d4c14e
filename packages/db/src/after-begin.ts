/**
 * A direct transaction's BEGIN sent with its first statement (raw-transaction.ts): one
 * round trip where there were two.
 */
import type pg from 'pg';
import { hasPrepared, PgQuery, sendUnnamed, type QueryConfig, type Wire } from './pg-query';

/**
 * A transaction's first statement with its BEGIN ahead of it, in one round trip: BEGIN
 * parsed, bound and run unnamed, then the statement, then ONE Sync — should BEGIN fail,
 * PostgreSQL skips the statement (an error skips everything up to the Sync), so it never
 * runs outside the transaction. A round trip costs both processes more CPU than most of
 * the market's statements do (docs/perf.md, "The economy"). Only for a statement the
 * connection has prepared already, or an unnamed one (sendAfterBegin): pg marks a named statement
 * prepared at the first ParseComplete it reads, which here would be BEGIN's.
 */
class AfterBegin extends PgQuery {
  constructor(
    private readonly begin: string,
    config: QueryConfig,
  ) {
    super(config);
  }
  override prepare(c: Wire): void {
    sendUnnamed(c, this.begin);
    super.prepare(c);
  }
}

/** `q` on `conn`, after `begin` — in the same round trip where it can be (AfterBegin). */
export async function sendAfterBegin(
  conn: pg.PoolClient,
  q: pg.QueryConfig & { types: pg.CustomTypesConfig },
  begin?: string,
): Promise<pg.QueryResult> {
  if (!begin) return conn.query(q);
  if (q.name && !hasPrepared(conn, q.name)) {
    // its first use on this connection: BEGIN goes on its own
    await conn.query(begin);
    return conn.query(q);
  }
  return new Promise((resolve, reject) => {
    const callback: QueryConfig['callback'] = (err, res) => {
      // two results: BEGIN's, then the statement's
      if (err) reject(err);
      else resolve(Array.isArray(res) ? res[res.length - 1]! : res);
    };
    conn.query(new AfterBegin(begin, { ...q, callback }) as unknown as pg.QueryConfig);
  });
}
