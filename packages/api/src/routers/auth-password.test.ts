import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { SIGN_IN_ACTIVITY_LIMIT, verifyLogin } from '@necp/game';
import { anonCaller, callerFor, rejection, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());
const deps = testDeps(db);

const PASSWORD = 'long enough password';
const NEW = 'velvet lantern quarry';

async function registered() {
  const username = uniq('Pw_');
  const acc = await anonCaller(deps).auth.register({
    email: `${username}@test.necp`,
    username,
    password: PASSWORD,
  });
  return { acc, caller: callerFor(deps, acc.id) };
}

describe('auth.register password strength', () => {
  it.each([
    ['password12', /commonly used password/],
    [' '.repeat(10), /Repeated characters/],
  ])("refuses %j with BAD_REQUEST and zxcvbn's advice", async (password, message) => {
    const username = uniq('Pw_');
    const e = await rejection(
      anonCaller(deps).auth.register({ email: `${username}@test.necp`, username, password }),
    );
    expect(e).toMatchObject({ code: 'BAD_REQUEST' });
    expect((e as Error).message).toMatch(message);
    expect(await db.user.count({ where: { usernameLower: username.toLowerCase() } })).toBe(0);
  });
});

describe('auth.changePassword', () => {
  it('needs a session', async () => {
    expect(
      await rejection(
        anonCaller(deps).auth.changePassword({ currentPassword: PASSWORD, newPassword: NEW }),
      ),
    ).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('changes the password and bumps the session version', async () => {
    const { acc, caller } = await registered();
    const out = await caller.auth.changePassword({ currentPassword: PASSWORD, newPassword: NEW });
    expect(out).toEqual({ sessionVersion: 1 });
    expect((await db.user.findUniqueOrThrow({ where: { id: acc.id } })).sessionVersion).toBe(1);
    await expect(
      verifyLogin(deps, { email: acc.email, password: NEW, ip: uniq('ip') }),
    ).resolves.toMatchObject({ id: acc.id });
  });

  it('refuses a wrong current password with BAD_REQUEST', async () => {
    const { acc, caller } = await registered();
    const e = await rejection(
      caller.auth.changePassword({ currentPassword: 'not the password', newPassword: NEW }),
    );
    expect(e).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Your current password is not correct',
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: acc.id } })).sessionVersion).toBe(0);
    // the owner sees it among the sign-in activity
    expect((await caller.auth.signInActivity())[0]).toMatchObject({
      outcome: 'wrong-current-password',
    });
  });

  it.each([
    ['a missing field', { currentPassword: PASSWORD }],
    ['a number', { currentPassword: PASSWORD, newPassword: 12345678901 }],
    ['a short new password', { currentPassword: PASSWORD, newPassword: 'short' }],
    ['the same password', { currentPassword: PASSWORD, newPassword: PASSWORD }],
    ['a weak new password', { currentPassword: PASSWORD, newPassword: 'password12' }],
  ])('refuses %s with BAD_REQUEST, writing nothing', async (_w, input) => {
    const { acc, caller } = await registered();
    const before = await db.user.findUniqueOrThrow({ where: { id: acc.id } });
    const e = await rejection(
      caller.auth.changePassword(input as { currentPassword: string; newPassword: string }),
    );
    expect(e).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db.user.findUniqueOrThrow({ where: { id: acc.id } })).toMatchObject({
      passwordHash: before.passwordHash,
      sessionVersion: 0,
    });
  });
});

describe('auth.signInActivity', () => {
  it('needs a session', async () => {
    expect(await rejection(anonCaller(deps).auth.signInActivity())).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it("lists the caller's own attempts, newest first, and nobody else's", async () => {
    const { acc, caller } = await registered();
    const other = await registered();
    await rejection(
      verifyLogin(deps, { email: acc.email, password: 'wrong wrong', ip: '10.0.0.7' }),
    );
    await verifyLogin(deps, { email: acc.email, password: PASSWORD, ip: '10.0.0.8' });
    await rejection(
      verifyLogin(deps, { email: other.acc.email, password: 'wrong wrong', ip: '10.0.0.9' }),
    );
    expect(await caller.auth.signInActivity()).toEqual([
      { at: expect.any(Date), ip: '10.0.0.8', outcome: 'ok', knownDevice: false },
      { at: expect.any(Date), ip: '10.0.0.7', outcome: 'failed', knownDevice: false },
    ]);
  });

  it(`returns at most ${SIGN_IN_ACTIVITY_LIMIT} entries`, async () => {
    const { acc, caller } = await registered();
    await db.authEvent.createMany({
      data: Array.from({ length: SIGN_IN_ACTIVITY_LIMIT + 10 }, (_, i) => ({
        userId: acc.id,
        kind: 'LOGIN_FAIL' as const,
        ip: `10.1.0.${i}`,
      })),
    });
    const list = await caller.auth.signInActivity();
    expect(list).toHaveLength(SIGN_IN_ACTIVITY_LIMIT);
    expect(list[0]?.ip).toBe(`10.1.0.${SIGN_IN_ACTIVITY_LIMIT + 9}`);
  });
});
