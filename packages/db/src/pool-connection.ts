/**
 * A direct transaction's connection (raw-transaction.ts): taken from the pool within its
 * wait, and what it runs cancelled from another connection when its time is up.
 */
import pg from 'pg';

/** A connection from the pool within `maxWait` ms, or a P2028 (the pool stayed full). */
export async function connectWithin(pool: pg.Pool, maxWait: number): Promise<pg.PoolClient> {
  let timer: NodeJS.Timeout | undefined;
  const connecting = pool.connect();
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // the connection that comes after all goes straight back
      connecting.then((c) => c.release()).catch(() => undefined);
      reject(
        Object.assign(new Error('Transaction API error: no connection within maxWait'), {
          code: 'P2028',
        }),
      );
    }, maxWait);
  });
  try {
    return await Promise.race([connecting, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Cancels what the connection's backend is running (pg_cancel_backend), from a connection
 * of its own: the pool may be full of transactions waiting like this one. Nothing running:
 * nothing happens; the ROLLBACK itself cancelled: the connection is destroyed (a session's
 * end rolls back too).
 */
export async function cancelRunning(pool: pg.Pool, conn: pg.PoolClient): Promise<void> {
  const pid = (conn as unknown as { processID?: number }).processID;
  if (!pid) return;
  const canceller = new pg.Client(pool.options);
  try {
    await canceller.connect();
    await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
  } catch {
    // the database away: the transaction's own end reports it
  } finally {
    await canceller.end().catch(() => undefined);
  }
}
