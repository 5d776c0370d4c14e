// inTransaction against the real database: a body that runs past its time limit, and
// one that cannot get a connection in time, roll back whole and are refused as
// UNAVAILABLE ("busy, try again") — never a crash; so is one still deadlocked after its reruns.
import { afterAll, describe, expect, it } from 'vitest';
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

  it('a deadlock that outlasts the reruns is UNAVAILABLE; the other side commits', async () => {
    // advisory locks taken in opposite orders: PostgreSQL picks one side to fail with 40P01.
    // Each takes its second only once both hold their first (a sleep between the two, as
    // before, let one side take both before the other started on a loaded machine: no deadlock)
    let holding = 0;
    let bothHold!: () => void;
    const bothHolding = new Promise<void>((r) => (bothHold = r));
    const side = (a: number, b: number) =>
      inTransaction(
        db,
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${a}::bigint)`;
          if (++holding === 2) bothHold();
          await bothHolding;
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${b}::bigint)`;
          return 'committed';
        },
        { retries: 0 },
      );
    const key = 900_000_000 + (process.pid % 100_000) * 2;
    const out = await Promise.allSettled([side(key, key + 1), side(key + 1, key)]);
    expect(out.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const lost = out.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'UNAVAILABLE' });
  });
});
