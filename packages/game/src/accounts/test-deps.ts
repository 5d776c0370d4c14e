/**
 * Test-only helpers shared by the accounts, characters and ratelimit tests (not
 * exported from the package). Each test file gets its own pooled client of the
 * run's test database and builds fresh GameDeps, so limiter state never leaks
 * between tests.
 */
import { afterAll, expect } from 'vitest';
import { directFallbacks } from '@necp/db';
import { DomainError, type DomainErrorCode } from '../core/errors';

// the run's databases and GameDeps for tests: one way for every package's tests
export { outboxTestDb, testDb } from '@necp/db/testing/run';
export { testDeps, type TestDeps } from '../testing/test-deps';

/**
 * For a file of a domain whose transactions run direct (core/transaction.ts `direct`):
 * at its end, none of them fell back to Prisma's transaction (a model call somewhere
 * down its path — slower, never wrong, so nothing else would show it).
 */
export function expectEveryTransactionDirect(): void {
  const before = directFallbacks();
  afterAll(() => expect(Object.fromEntries(directFallbacks())).toEqual(Object.fromEntries(before)));
}

// the one way tests reach Redis: a namespace of their own, dropped after (testing/redis.ts)
export { disposeTestRedis, testRedis } from '../testing/redis';

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
