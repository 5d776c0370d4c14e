import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { CHANGE_PASSWORD_LIMIT, WRONG_CURRENT_PASSWORD, changePassword } from './change-password';
import { registerUser } from './register-user';
import { expectDomainError, testDb, testDeps } from './test-deps';
import { verifyLogin } from './verify-login';

const db = testDb(2);
afterAll(() => db.$disconnect());

const OLD = 'correct horse battery';
const NEW = 'violet submarine orchestra';

async function account(deps = testDeps(db)) {
  const username = uniq('Cp_');
  const acc = await registerUser(deps, {
    email: `${username}@test.necp`,
    username,
    password: OLD,
  });
  return { deps, acc };
}

const row = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

describe('changePassword', () => {
  it('sets the new password and ends every session in the same transaction', async () => {
    const { deps, acc } = await account();
    const before = await row(acc.id);
    const out = await changePassword(deps, {
      userId: acc.id,
      currentPassword: OLD,
      newPassword: NEW,
      ip: '10.1.2.3',
    });
    const after = await row(acc.id);
    expect(out.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(
      await db.authEvent.findFirst({ where: { userId: acc.id, kind: 'PASSWORD_CHANGED' } }),
    ).toMatchObject({ ip: '10.1.2.3' });
    expect(
      await db.outboxEvent.count({
        where: { key: `account.access_changed:${acc.id}:${out.sessionVersion}` },
      }),
    ).toBe(1);
    // the new password signs in, the old one no longer does
    await expect(
      verifyLogin(deps, { email: acc.email, password: NEW, ip: uniq('ip') }),
    ).resolves.toMatchObject({ id: acc.id });
    await expectDomainError(
      verifyLogin(deps, { email: acc.email, password: OLD, ip: uniq('ip') }),
      'UNAUTHENTICATED',
    );
  });

  it('refuses a wrong current password, changing nothing and recording the failure', async () => {
    const { deps, acc } = await account();
    const before = await row(acc.id);
    await expectDomainError(
      changePassword(deps, {
        userId: acc.id,
        currentPassword: 'not my password',
        newPassword: NEW,
      }),
      'VALIDATION',
      WRONG_CURRENT_PASSWORD,
    );
    const after = await row(acc.id);
    expect(after).toMatchObject({
      passwordHash: before.passwordHash,
      sessionVersion: before.sessionVersion,
    });
    expect(await db.authEvent.count({ where: { userId: acc.id, kind: 'LOGIN_FAIL' } })).toBe(1);
  });

  it(`limits guesses at the current password to ${CHANGE_PASSWORD_LIMIT.points} per window`, async () => {
    const { deps, acc } = await account();
    for (let i = 0; i < CHANGE_PASSWORD_LIMIT.points; i++) {
      await expectDomainError(
        changePassword(deps, { userId: acc.id, currentPassword: `guess ${i}`, newPassword: NEW }),
        'VALIDATION',
        WRONG_CURRENT_PASSWORD,
      );
    }
    // even the right one is refused now
    await expectDomainError(
      changePassword(deps, { userId: acc.id, currentPassword: OLD, newPassword: NEW }),
      'RATE_LIMITED',
    );
    expect((await row(acc.id)).sessionVersion).toBe(0);
  });

  it.each([
    ['a weak new password', { newPassword: 'password12' }, /commonly used password/],
    ['a new password built on the username', null, /your username/],
    ['the same password again', { newPassword: OLD }, /must differ/],
    ['a too short new password', { newPassword: 'short' }, /at least 10 characters/],
    ['an empty current password', { currentPassword: '' }, /current password/],
    ['a too long new password', { newPassword: 'x'.repeat(129) }, /at most 128/],
  ])('refuses %s with VALIDATION and writes nothing', async (_w, patch, message) => {
    const { deps, acc } = await account();
    const before = await row(acc.id);
    const input = patch ?? { newPassword: `${acc.username}-2077` };
    const e = await expectDomainError(
      changePassword(deps, { userId: acc.id, currentPassword: OLD, newPassword: NEW, ...input }),
      'VALIDATION',
    );
    expect(e.userMessage).toMatch(message);
    expect(await row(acc.id)).toMatchObject({
      passwordHash: before.passwordHash,
      sessionVersion: before.sessionVersion,
    });
  });

  it('is NOT_FOUND for an account that no longer exists', async () => {
    await expectDomainError(
      changePassword(testDeps(db), { userId: 'gone', currentPassword: OLD, newPassword: NEW }),
      'NOT_FOUND',
    );
  });
});
