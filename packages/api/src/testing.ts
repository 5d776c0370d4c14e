/** Test-only helpers for the api tests (not exported from the package). */
import type { Db } from '@necp/db';
import { createTestUser } from '@necp/db/testing';
import type { GameDeps } from '@necp/game';
import type { Role } from '@necp/shared';
import { createCaller, createTRPCContext } from './index';

// the run's databases and GameDeps for tests: one way for every package's tests
export { testDb } from '@necp/db/testing/run';
export { testDeps, type TestDeps } from '@necp/game/testing';

export const anonCaller = (deps: GameDeps) =>
  createCaller(createTRPCContext({ deps, session: null, ip: '127.0.0.1' }));

export const callerFor = (
  deps: GameDeps,
  userId: string,
  role: Role = 'PLAYER',
  sessionId = `test-session-${userId}`,
) =>
  createCaller(createTRPCContext({ deps, session: { userId, role, sessionId }, ip: '127.0.0.1' }));

/** A signed-in caller for a fresh account. */
export async function signedIn(deps: GameDeps, db: Db, role: Role = 'PLAYER') {
  const user = await createTestUser(db, { role });
  return { user, caller: callerFor(deps, user.id, role) };
}

/** Resolves to what a call rejects with (fails if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
}
