/**
 * Test-only helpers shared by the accounts, characters and ratelimit tests (not
 * exported from the package). Each test file gets its own pooled client of the
 * run's test database and builds fresh GameDeps, so limiter state never leaks
 * between tests.
 */
import type { Redis } from 'ioredis';
import { afterAll, expect, inject } from 'vitest';
import { createDb, directFallbacks, type Db } from '@necp/db';
import { FakeClock } from '../core/clock';
import type { GameDeps } from '../core/deps';
import { DomainError, type DomainErrorCode } from '../core/errors';
import { createLog } from '../core/log';
import { seededRng } from '../core/rng';

// Declared by the db package's vitest globalSetup; repeated so this program sees it.
declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    outboxDatabaseUrls: Record<string, string>;
  }
}

export const testDb = (max = 6): Db => createDb(inject('databaseUrl'), { max });

/**
 * For a file of a domain whose transactions run direct (core/transaction.ts `direct`):
 * at its end, none of them fell back to Prisma's transaction (a model call somewhere
 * down its path — slower, never wrong, so nothing else would show it).
 */
export function expectEveryTransactionDirect(): void {
  const before = directFallbacks();
  afterAll(() => expect(Object.fromEntries(directFallbacks())).toEqual(Object.fromEntries(before)));
}

/**
 * A client of this file's own copy of the test database (the db package's
 * OUTBOX_TEST_DATABASES), for files that drain the outbox.
 */
export function outboxTestDb(name: string, max = 6): Db {
  const url = inject('outboxDatabaseUrls')[name];
  if (!url) throw new Error(`no outbox test database ${name} (add it to OUTBOX_TEST_DATABASES)`);
  return createDb(url, { max });
}

// the one way tests reach Redis: a namespace of their own, dropped after (testing/redis.ts)
export { disposeTestRedis, testRedis } from '../testing/redis';

export type TestDeps = GameDeps & { clock: FakeClock };

export function testDeps(db: Db, o: { redis?: Redis; clock?: FakeClock } = {}): TestDeps {
  return {
    db,
    clock: o.clock ?? new FakeClock(),
    rng: seededRng(1),
    log: createLog('test', 'silent'),
    ...(o.redis ? { redis: o.redis } : {}),
    config: {
      simTicketSecret: 'test-secret-0123456789abcdef',
      simPublicUrl: 'http://localhost:3001',
    },
  };
}

/** Resolves to the DomainError a promise rejects with (fails the test if it resolves or throws something else). */
export async function domainError(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => new Error('expected a DomainError, but the call succeeded'),
    (err: unknown) => err,
  );
  if (!(e instanceof DomainError)) throw e;
  return e;
}

export async function expectDomainError(
  p: Promise<unknown>,
  code: DomainErrorCode,
  userMessage?: string,
) {
  const e = await domainError(p);
  expect(e.code).toBe(code);
  if (userMessage !== undefined) expect(e.userMessage).toBe(userMessage);
  return e;
}
