import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { REGISTER_IP_LIMIT, registerUser } from './register-user';
import { expectDomainError, testDb, testDeps } from './test-deps';

const db = testDb(2);
afterAll(() => db.$disconnect());
const deps = testDeps(db);

const fresh = () => {
  const username = uniq('Reg_');
  return { email: `${username}@Example.COM`, username, password: 'correct horse battery' };
};

describe('registerUser', () => {
  it('creates the account with a lower-cased email, an argon2id hash and a REGISTER event', async () => {
    const input = fresh();
    const acc = await registerUser(deps, { ...input, email: `  ${input.email} `, ip: '10.0.0.1' });
    expect(acc).toEqual({
      id: expect.any(String),
      email: input.email.toLowerCase(),
      username: input.username,
      role: 'PLAYER',
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: acc.id } });
    expect(row.usernameLower).toBe(input.username.toLowerCase());
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(input.password);
    const events = await db.authEvent.findMany({ where: { userId: acc.id } });
    expect(events.map((e) => [e.kind, e.ip])).toEqual([['REGISTER', '10.0.0.1']]);
  });

  it('refuses a taken email in another case, writing nothing', async () => {
    const first = fresh();
    await registerUser(deps, first);
    const other = fresh();
    await expectDomainError(
      registerUser(deps, { ...other, email: first.email.toUpperCase() }),
      'CONFLICT',
      'That email or username is already taken',
    );
    // (counted by this test's own names: other test files create accounts at the same time)
    expect(await db.user.count({ where: { email: first.email.toLowerCase() } })).toBe(1);
    expect(
      await db.user.findFirst({ where: { usernameLower: other.username.toLowerCase() } }),
    ).toBeNull();
  });

  it('refuses a taken username in another case', async () => {
    const first = fresh();
    await registerUser(deps, first);
    const other = fresh();
    await expectDomainError(
      registerUser(deps, { ...other, username: first.username.toUpperCase() }),
      'CONFLICT',
      'That email or username is already taken',
    );
    expect(await db.user.findUnique({ where: { email: other.email.toLowerCase() } })).toBeNull();
  });

  it.each([
    ['email', { email: 'not-an-email' }, 'Enter a valid email address'],
    ['username', { username: 'a b' }, 'Username may contain letters, digits and _ only'],
    ['password', { password: 'short' }, 'Password must be at least 10 characters'],
  ])('rejects a bad %s with VALIDATION and no write', async (_f, patch, message) => {
    const input = { ...fresh(), ...patch };
    await expectDomainError(registerUser(deps, input), 'VALIDATION', message);
    expect(
      await db.user.findFirst({ where: { usernameLower: input.username.toLowerCase() } }),
    ).toBeNull();
  });

  it.each([
    ['a common password', () => 'password12', /commonly used password/],
    ['ten spaces', () => ' '.repeat(10), /Repeated characters/],
    ['the username', (username: string) => `${username}2024`, /your username, your email/],
  ])("refuses %s as too weak with zxcvbn's advice, writing nothing", async (_w, pw, message) => {
    const input = fresh();
    const e = await expectDomainError(
      registerUser(deps, { ...input, password: pw(input.username) }),
      'VALIDATION',
    );
    expect(e.userMessage).toMatch(/^This password is too easy to guess\. /);
    expect(e.userMessage).toMatch(message);
    expect(
      await db.user.findFirst({ where: { usernameLower: input.username.toLowerCase() } }),
    ).toBeNull();
  });

  it('limits new accounts per IP, counting attempts before any write', async () => {
    const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < REGISTER_IP_LIMIT.points; i++) await registerUser(deps, { ...fresh(), ip });
    const refused = fresh();
    await expectDomainError(registerUser(deps, { ...refused, ip }), 'RATE_LIMITED');
    expect(await db.user.count({ where: { usernameLower: refused.username.toLowerCase() } })).toBe(
      0,
    );
    // another network is not affected
    await registerUser(deps, { ...fresh(), ip: `${ip}1` });
  }, 60_000);

  it('takes the per-IP limit from the operator when set (REGISTRATIONS_PER_IP_PER_HOUR)', async () => {
    const strict = { ...testDeps(db), config: { ...deps.config, registrationsPerIpPerHour: 2 } };
    const ip = `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    await registerUser(strict, { ...fresh(), ip });
    await registerUser(strict, { ...fresh(), ip });
    await expectDomainError(registerUser(strict, { ...fresh(), ip }), 'RATE_LIMITED');
  });
});
