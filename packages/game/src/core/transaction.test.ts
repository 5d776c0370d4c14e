// inTransaction against the real database: a body that runs past its time limit, and
// one that cannot get a connection in time, roll back whole and are refused as
// UNAVAILABLE ("busy, try again") — never a crash.
import { afterAll, describe, it } from 'vitest';
import { createDb, databaseUrlOf } from '@necp/db';
import { expectDomainError, testDb } from '../accounts/test-deps';
import { inTransaction } from './transaction';

const db = testDb(2);
afterAll(() => db.$disconnect());

describe('inTransaction under load', () => {
  it('a body past its time limit is UNAVAILABLE', async () => {
    await expectDomainError(
      inTransaction(db, (tx) => tx.$executeRaw`SELECT pg_sleep(0.5)`, { timeoutMs: 100 }),
      'UNAVAILABLE',
      'The city is busy: try again in a moment.',
    );
  });

  it('no connection free in time is UNAVAILABLE', async () => {
    const one = createDb(databaseUrlOf(db)!, { max: 1 });
    try {
      const holder = inTransaction(one, (tx) => tx.$executeRaw`SELECT pg_sleep(1)`);
      await new Promise((r) => setTimeout(r, 100));
      await expectDomainError(
        inTransaction(one, (tx) => tx.$queryRaw`SELECT 1`, { maxWaitMs: 100 }),
        'UNAVAILABLE',
      );
      await holder;
    } finally {
      await one.$disconnect();
    }
  });
});
