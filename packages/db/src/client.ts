import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { pgConfigFromUrl } from './url';

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<
  PrismaClient,
  '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'
>;

// Remembered per client so code that needs its own connection to the same database
// (graphile-worker's runner) uses exactly the URL the client was made with.
const urls = new WeakMap<Db, string>();

export function createDb(url: string, opts: { max?: number } = {}): Db {
  const adapter = new PrismaPg({ ...pgConfigFromUrl(url), max: opts.max ?? 10 });
  const db = new PrismaClient({ adapter });
  urls.set(db, url);
  return db;
}

/** The connection URL a client from createDb was made with (undefined for other clients). */
export const databaseUrlOf = (db: Db): string | undefined => urls.get(db);
