/** Test-only helpers for the api tests (not exported from the package). */
import { inject } from 'vitest';
import { createDb, type Db } from '@necp/db';
import { createTestUser } from '@necp/db/testing';
import { createLog, FakeClock, seededRng, type GameDeps, type Log } from '@necp/game';
import type { Role } from '@necp/shared';
import { createCaller, createTRPCContext } from './index';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export const testDb = (max = 4): Db => createDb(inject('databaseUrl'), { max });

export type TestDeps = GameDeps & { clock: FakeClock };

export function testDeps(db: Db, log: Log = createLog('test', 'silent')): TestDeps {
  return {
    db,
    clock: new FakeClock(),
    rng: seededRng(1),
    log,
    config: {
      simTicketSecret: 'test-secret-api-0123456789',
      simPublicUrl: 'http://localhost:3001',
    },
  };
}

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
