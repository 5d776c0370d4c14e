import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { deviceCookieKey } from '@necp/game';
import { anonCaller, rejection, testDb, testDeps } from '../testing';
import {
  SignInRefused,
  checkSession,
  endSession,
  publicGuild,
  publicProfile,
  signInWithPassword,
} from './index';

const db = testDb();
afterAll(() => db.$disconnect());
const deps = testDeps(db);
const device = { cookie: undefined, key: deviceCookieKey('host-test-secret-0123456789') };

async function account() {
  const username = uniq('Host_');
  const input = { email: `${username}@test.necp`, username, password: 'long enough password' };
  await anonCaller(deps).auth.register(input);
  return input;
}

describe('signInWithPassword', () => {
  it('opens a login session that checks as valid until it is ended', async () => {
    const a = await account();
    const s = await signInWithPassword(deps, a, { ip: '10.1.2.3', device });
    expect(s).toMatchObject({ email: a.email.toLowerCase(), username: a.username });
    expect(s.deviceToken).toEqual(expect.any(String));
    const claims = { userId: s.id, sessionId: s.sessionId, sessionVersion: s.sessionVersion };
    expect(await checkSession(deps, claims)).toMatchObject({ valid: true });
    await endSession(deps, { userId: s.id, sessionId: s.sessionId });
    expect(await checkSession(deps, claims)).toMatchObject({ valid: false });
  });

  it('refuses a wrong password with the player message, and opens no session', async () => {
    const a = await account();
    const e = await rejection(
      signInWithPassword(deps, { ...a, password: 'not the password' }, { ip: '10.1.2.4', device }),
    );
    expect(e).toBeInstanceOf(SignInRefused);
    expect((e as Error).message).toMatch(/email or password/i);
    const user = await db.user.findUniqueOrThrow({ where: { email: a.email.toLowerCase() } });
    expect(await db.authEvent.count({ where: { userId: user.id, kind: 'LOGIN_OK' } })).toBe(0);
  });

  it.each([null, {}, { email: 'x@y.z' }, { email: 'nope', password: 1 }, 'a string'])(
    'refuses credentials %j before any database work',
    async (credentials) => {
      const e = await rejection(signInWithPassword(deps, credentials, { ip: '10.1.2.5', device }));
      expect(e).toBeInstanceOf(SignInRefused);
      expect((e as Error).message).toBe('Enter your email and password.');
    },
  );
});

describe('public reads', () => {
  it('read as null for a tag or name that is not one, or names nobody', async () => {
    expect(await publicGuild(deps, 'not a tag!')).toBeNull();
    expect(await publicGuild(deps, 'ZZQ9')).toBeNull();
    expect(await publicProfile(deps, 'x\u0000y')).toBeNull();
    expect(await publicProfile(deps, uniq('Nobody'))).toBeNull();
  });
});
