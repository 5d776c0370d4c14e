import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { handOverConnections } from './raw-transaction';
import { rememberPool } from './read-rows';
import type { Db } from './db-types';
import { pgConfigFromUrl } from './url';

export type { Db, Tx } from './db-types';

// Remembered per client so code that needs its own connection to the same database
// (graphile-worker's runner) uses exactly the URL the client was made with.
const urls = new WeakMap<Db, string>();

/** How long an idle pooled connection is kept open. */
export const IDLE_CONNECTION_MS = 5 * 60_000;

export function createDb(url: string, opts: { max?: number } = {}): Db {
  // our pool, handed to the adapter, so hot one-statement reads can share it (read-rows.ts);
  // $disconnect still ends it
  // idle connections kept 5 minutes (pg's default: 10 s): a new one is a PostgreSQL
  // process forked and its prepared statements made again — under bursty play that churn
  // was the slowest second of the economy bench (docs/perf.md, "The economy")
  const pool = new pg.Pool({
    ...pgConfigFromUrl(url),
    max: opts.max ?? 10,
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    // …but never what keeps a finished script's process alive
    allowExitOnIdle: true,
  });
  // an idle connection the server ended (a restart, pg_terminate_backend) is an 'error' on
  // the pool, and one nobody listens to ends the process; the pool has dropped that
  // connection already and opens another when asked. Prisma's adapter listens only once
  // Prisma has connected: a client used only through the pool (a worker's wake-up, the
  // direct path) had no listener at all
  pool.on('error', () => {});
  // each transaction's connection goes to its body's raw statements (raw-transaction.ts)
  const adapter = handOverConnections(new PrismaPg(pool, { disposeExternalPool: true }));
  const db = new PrismaClient({ adapter });
  // $disconnect ends the pool through the adapter — only if Prisma had connected: a client
  // used only through the pool kept its connections open after it
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await disconnect();
    if (!pool.ending) await pool.end();
  };
  urls.set(db, url);
  rememberPool(db, pool);
  return db;
}

/** The connection URL a client from createDb was made with (undefined for other clients). */
export const databaseUrlOf = (db: Db): string | undefined => urls.get(db);
