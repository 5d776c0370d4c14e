/**
 * Test-only: what the sign-in tests (verify-login, device-cookie) share — their
 * database and Redis clients (closed after the file), accounts with a known
 * password, fresh client addresses, and how a refused attempt looks.
 */
import { afterAll } from 'vitest';
import { uniq } from '@necp/db/testing';
import { LOGIN_FAILED_MESSAGE, LOGIN_THROTTLED_MESSAGE } from './login-guard';
import { registerUser } from './register-user';
import { disposeTestRedis, domainError, testDb, testRedis, type TestDeps } from './test-deps';

/** The file's clients, closed after its last test. */
export function loginTestClients() {
  const db = testDb(4);
  const redis = testRedis();
  afterAll(async () => {
    await db.$disconnect();
    await disposeTestRedis(redis);
  });
  return { db, redis };
}

export const PASSWORD = 'correct horse battery';

/** A fresh client address, so the per-IP limit never couples two tests (or two runs sharing Redis). */
export const newIp = () => uniq('ip-');

/** A new account whose password is PASSWORD; `prefix` starts its username. */
export async function account(deps: TestDeps, prefix = 'L_') {
  const username = uniq(prefix);
  return registerUser(deps, { email: `${username}@test.necp`, username, password: PASSWORD });
}

/** The code and player-facing message a login attempt fails with. */
export async function failure(p: Promise<unknown>) {
  const e = await domainError(p);
  return { code: e.code, message: e.userMessage };
}
export const INVALID = { code: 'UNAUTHENTICATED', message: LOGIN_FAILED_MESSAGE };
export const THROTTLED = { code: 'RATE_LIMITED', message: LOGIN_THROTTLED_MESSAGE };
