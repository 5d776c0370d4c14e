import { afterAll, describe, expect, it } from 'vitest';
import { createTestUser } from '@necp/db/testing';
import { checkSession } from './check-session';
import { endSession } from './end-session';
import { LOGIN_SESSION_MAX_AGE_SECONDS, openSession } from './login-session';
import { signOutEverywhere } from './sign-out-everywhere';
import { expectDomainError, testDb, testDeps } from './test-deps';

const db = testDb(4);
afterAll(() => db.$disconnect());

const accessEvents = (userId: string) =>
  db.outboxEvent.findMany({
    where: { type: 'account.access_changed', payload: { path: ['userId'], equals: userId } },
    orderBy: { id: 'asc' },
  });

describe('login sessions', () => {
  it('a fresh session stands, and its role comes from the database', async () => {
    const deps = testDeps(db);
    const u = await createTestUser(db, { role: 'ADMIN' });
    const s = await openSession(deps, u.id);
    expect(s).toEqual({ userId: u.id, sessionId: expect.any(String), sessionVersion: 0 });
    expect(await checkSession(deps, s)).toEqual({
      valid: true,
      account: { id: u.id, email: u.email, username: u.username, role: 'ADMIN' },
    });
    await db.user.update({ where: { id: u.id }, data: { role: 'PLAYER' } });
    expect(await checkSession(deps, s)).toMatchObject({ valid: true, account: { role: 'PLAYER' } });
    // every sign-in is its own session
    expect((await openSession(deps, u.id)).sessionId).not.toBe(s.sessionId);
  });

  it('refuses a session of an account that does not exist', async () => {
    const deps = testDeps(db);
    expect(
      await checkSession(deps, { userId: 'no-such-user', sessionId: 'x', sessionVersion: 0 }),
    ).toEqual({ valid: false, reason: 'no-account' });
    await expectDomainError(openSession(deps, 'no-such-user'), 'NOT_FOUND');
    // signing out such a session is a no-op, not a foreign-key failure
    await endSession(deps, { userId: 'no-such-user', sessionId: 'x' });
    expect(await db.revokedSession.count({ where: { id: 'x' } })).toBe(0);
  });

  it('sign-out ends exactly that session, once, audited and announced', async () => {
    const deps = testDeps(db);
    const u = await createTestUser(db);
    const laptop = await openSession(deps, u.id);
    const phone = await openSession(deps, u.id);
    await endSession(deps, { userId: u.id, sessionId: laptop.sessionId, ip: '10.2.0.1' });
    expect(await checkSession(deps, laptop)).toEqual({ valid: false, reason: 'signed-out' });
    expect(await checkSession(deps, phone)).toMatchObject({ valid: true });
    // the button and next-auth's signOut event may both call it: recorded once
    await endSession(deps, { userId: u.id, sessionId: laptop.sessionId });
    const events = await db.authEvent.findMany({ where: { userId: u.id, kind: 'SIGN_OUT' } });
    expect(events.map((e) => e.ip)).toEqual(['10.2.0.1']);
    const row = await db.revokedSession.findUniqueOrThrow({ where: { id: laptop.sessionId } });
    expect(row.expiresAt).toEqual(new Date(deps.clock.ms() + LOGIN_SESSION_MAX_AGE_SECONDS * 1000));
    // a sign-out is no account-wide revocation
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion).toBe(0);
    // announced once, naming the session: the sims disconnect only its game sockets
    expect((await accessEvents(u.id)).map((e) => e.payload)).toEqual([
      { userId: u.id, reason: 'sign_out', sessionId: laptop.sessionId },
    ]);
  });

  it('forgets revocation rows once every copy of their token has expired', async () => {
    const deps = testDeps(db);
    const u = await createTestUser(db);
    const old = await openSession(deps, u.id);
    await endSession(deps, { userId: u.id, sessionId: old.sessionId });
    deps.clock.advance(LOGIN_SESSION_MAX_AGE_SECONDS * 1000 - 1);
    const next = await openSession(deps, u.id);
    await endSession(deps, { userId: u.id, sessionId: next.sessionId });
    expect(await db.revokedSession.count({ where: { userId: u.id } })).toBe(2);
    deps.clock.advance(1);
    const third = await openSession(deps, u.id);
    await endSession(deps, { userId: u.id, sessionId: third.sessionId });
    expect(
      (await db.revokedSession.findMany({ where: { userId: u.id } })).map((r) => r.id).sort(),
    ).toEqual([next.sessionId, third.sessionId].sort());
  });

  it('sign out everywhere ends every session; a new sign-in works again', async () => {
    const deps = testDeps(db);
    const u = await createTestUser(db);
    const a = await openSession(deps, u.id);
    const b = await openSession(deps, u.id);
    await signOutEverywhere(deps, { userId: u.id, ip: '10.2.0.2' });
    expect(await checkSession(deps, a)).toEqual({ valid: false, reason: 'revoked' });
    expect(await checkSession(deps, b)).toEqual({ valid: false, reason: 'revoked' });
    const fresh = await openSession(deps, u.id);
    expect(fresh.sessionVersion).toBe(1);
    expect(await checkSession(deps, fresh)).toMatchObject({ valid: true });
    expect(
      await db.authEvent.count({
        where: { userId: u.id, kind: 'SESSIONS_REVOKED', ip: '10.2.0.2' },
      }),
    ).toBe(1);
    expect((await accessEvents(u.id)).map((e) => e.payload)).toEqual([
      { userId: u.id, reason: 'sessions' },
    ]);
  });

  it('refuses the session of a banned account until the ban ends', async () => {
    const deps = testDeps(db);
    const u = await createTestUser(db);
    const s = await openSession(deps, u.id);
    await db.user.update({
      where: { id: u.id },
      data: { bannedUntil: new Date(deps.clock.ms() + 60_000), banReason: 'test' },
    });
    expect(await checkSession(deps, s)).toEqual({ valid: false, reason: 'banned' });
    deps.clock.advance(60_000);
    expect(await checkSession(deps, s)).toMatchObject({ valid: true });
  });
});
