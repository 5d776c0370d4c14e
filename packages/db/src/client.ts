import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { pgConfigFromUrl } from './url';

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<
  PrismaClient,
  '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'
>;

export function createDb(url: string, opts: { max?: number } = {}): Db {
  const adapter = new PrismaPg({ ...pgConfigFromUrl(url), max: opts.max ?? 10 });
  return new PrismaClient({ adapter });
}
