// The real next-auth session read (getServerSession, as the RSC pages and the tRPC route
// call it; and the /api/auth/session endpoint) with our callbacks, against the real
// database: an old cookie stops working the moment its session is ended server-side.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import NextAuth, { getServerSession, type AuthOptions, type Session, type User } from 'next-auth';
import { encode, type JWT } from 'next-auth/jwt';
import { createTestUser } from '@necp/db/testing';
import {
  FakeClock,
  createLog,
  endSession,
  openSession,
  revokeSessions,
  seededRng,
  type GameDeps,
} from '@necp/game';
import { sessionCallbacks, sessionEvents } from './session-callbacks';
import { readSession } from './session-read';
import { testDb } from '@necp/db/testing/run';

const db = testDb(2);
afterAll(() => db.$disconnect());
const deps: GameDeps = {
  db,
  clock: new FakeClock(Date.now()),
  rng: seededRng(1),
  log: createLog('test', 'silent'),
  config: { simTicketSecret: 'test-secret-web-0123456789', simPublicUrl: 'http://localhost:3001' },
};
const secret = 'test-nextauth-secret-0123456789';
const callbacks = sessionCallbacks(() => deps);
const options: AuthOptions = {
  secret,
  session: { strategy: 'jwt' },
  providers: [],
  callbacks,
  events: sessionEvents(() => deps),
  logger: { error() {}, warn() {}, debug() {} },
};
const COOKIE = 'next-auth.session-token';

/** Signs in the way the credentials provider does; returns the cookie's value. */
async function signIn(userId: string, username: string, email: string) {
  const { sessionId, sessionVersion } = await openSession(deps, userId);
  const user: User = { id: userId, email, username, sessionId, sessionVersion };
  const token = (await callbacks.jwt({
    token: {},
    user,
    account: null,
    trigger: 'signIn',
  } as Parameters<NonNullable<typeof callbacks.jwt>>[0])) as JWT;
  return { cookie: await encode({ token, secret }), token, sessionId };
}

/** A pages-style response that records Set-Cookie. */
function response() {
  const headers = new Map<string, unknown>();
  let body: unknown;
  return {
    getHeader: (k: string) => headers.get(k),
    setHeader: (k: string, v: unknown) => void headers.set(k, v),
    setCookie() {},
    status() {
      return this;
    },
    send: (b: unknown) => void (body = b),
    json: (b: unknown) => void (body = b),
    end() {},
    setCookies: () => ([headers.get('Set-Cookie') ?? []] as unknown[]).flat() as string[],
    body: () => body,
  };
}

const request = (cookie: string) => ({
  headers: { cookie: `${COOKIE}=${cookie}` },
  cookies: { [COOKIE]: cookie },
  query: { nextauth: ['session'] },
  method: 'GET',
  body: {},
});

/** POST /api/auth/signout with this cookie (and a valid CSRF token), as next-auth's signOut() sends it. */
async function signOutEndpoint(cookie: string) {
  const csrf = 'csrf-token-for-the-test';
  const hash = createHash('sha256').update(`${csrf}${secret}`).digest('hex');
  const res = response();
  await NextAuth(
    {
      headers: { host: 'localhost:3000' },
      cookies: { [COOKIE]: cookie, 'next-auth.csrf-token': `${csrf}|${hash}` },
      query: { nextauth: ['signout'] },
      method: 'POST',
      body: { csrfToken: csrf, json: 'true' },
    } as never,
    res as never,
    options,
  );
  return res;
}

const jar = (cookies: Record<string, string>) => ({
  getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
});
const withoutExpiry = (s: Session | null) => (s ? { ...s, expires: undefined } : null);

/**
 * What our server code sees for a request carrying this cookie: the request path's
 * read (session-read.ts), which must agree with next-auth's own getServerSession.
 */
async function serverSession(cookie: string): Promise<Session | null> {
  const res = response();
  const viaNextAuth = await getServerSession(request(cookie) as never, res as never, options);
  const viaRead = await readSession(deps, jar({ [COOKIE]: cookie }), {
    secret,
    secureCookie: false,
  });
  expect(withoutExpiry(viaRead)).toEqual(withoutExpiry(viaNextAuth?.user ? viaNextAuth : null));
  return viaRead;
}

/** GET /api/auth/session with this cookie: the body and the Set-Cookie headers. */
async function sessionEndpoint(cookie: string) {
  const res = response();
  await NextAuth(request(cookie) as never, res as never, options);
  return { body: res.body(), setCookies: res.setCookies() };
}

describe('next-auth session reads', () => {
  it('a live cookie carries no role; the session’s role is read from the database each time', async () => {
    const u = await createTestUser(db, { role: 'ADMIN' });
    const { cookie, token, sessionId } = await signIn(u.id, u.username, u.email);
    expect(token).not.toHaveProperty('role');
    expect(await serverSession(cookie)).toMatchObject({
      sessionId,
      user: { id: u.id, username: u.username, email: u.email, role: 'ADMIN' },
    });
    await db.user.update({ where: { id: u.id }, data: { role: 'PLAYER' } });
    expect((await serverSession(cookie))?.user.role).toBe('PLAYER');
    // the endpoint renews a live cookie
    const live = await sessionEndpoint(cookie);
    expect(live.body).toMatchObject({ user: { id: u.id } });
    expect(live.setCookies.some((c) => c.startsWith(`${COOKIE}=ey`))).toBe(true);
  });

  it('after sign-out the old cookie is no session, and is cleared instead of renewed', async () => {
    const u = await createTestUser(db);
    const laptop = await signIn(u.id, u.username, u.email);
    const phone = await signIn(u.id, u.username, u.email);
    await endSession(deps, { userId: u.id, sessionId: laptop.sessionId });
    expect(await serverSession(laptop.cookie)).toBeNull();
    const ended = await sessionEndpoint(laptop.cookie);
    expect(ended.body).toEqual({});
    expect(ended.setCookies.some((c) => c.startsWith(`${COOKIE}=ey`))).toBe(false);
    expect(ended.setCookies.some((c) => c.startsWith(`${COOKIE}=;`))).toBe(true);
    // only that session ended
    expect((await serverSession(phone.cookie))?.user.id).toBe(u.id);
  });

  it('sign out everywhere and bans end every cookie; a token without a session id is none', async () => {
    const u = await createTestUser(db);
    const a = await signIn(u.id, u.username, u.email);
    await db.$transaction((tx) => revokeSessions(tx, { userId: u.id, kind: 'SESSIONS_REVOKED' }));
    expect(await serverSession(a.cookie)).toBeNull();

    const b = await signIn(u.id, u.username, u.email);
    expect(await serverSession(b.cookie)).not.toBeNull();
    await db.user.update({
      where: { id: u.id },
      data: { bannedUntil: new Date(deps.clock.ms() + 3_600_000) },
    });
    expect(await serverSession(b.cookie)).toBeNull();

    // a cookie minted before sessions had ids (it named a role): signed out
    const legacy = await encode({ token: { uid: u.id, role: 'ADMIN', sub: u.id }, secret });
    expect(await serverSession(legacy)).toBeNull();
  });

  it('next-auth’s own sign-out endpoint ends the session server-side too', async () => {
    const u = await createTestUser(db);
    const { cookie } = await signIn(u.id, u.username, u.email);
    await signOutEndpoint(cookie);
    expect(await serverSession(cookie)).toBeNull();
    expect(await db.authEvent.count({ where: { userId: u.id, kind: 'SIGN_OUT' } })).toBe(1);
  });

  it('the request path reads only a cookie that decrypts with this secret, by its exact name', async () => {
    const u = await createTestUser(db);
    const { cookie, token } = await signIn(u.id, u.username, u.email);
    const read = (cookies: Record<string, string>, secureCookie = false) =>
      readSession(deps, jar(cookies), { secret, secureCookie });
    expect((await read({ [COOKIE]: cookie }))?.user.id).toBe(u.id);
    // https deployments read only the __Secure- cookie
    expect(await read({ [COOKIE]: cookie }, true)).toBeNull();
    expect((await read({ [`__Secure-${COOKIE}`]: cookie }, true))?.user.id).toBe(u.id);
    // garbage, a truncated cookie, one sealed with another secret, none at all
    expect(await read({ [COOKIE]: 'not-a-jwe' })).toBeNull();
    expect(await read({ [COOKIE]: cookie.slice(0, -4) })).toBeNull();
    const foreign = await encode({ token, secret: 'another-secret-0123456789abcdef' });
    expect(await read({ [COOKIE]: foreign })).toBeNull();
    expect(await read({})).toBeNull();
    // the expiry is the token's
    const session = await read({ [COOKIE]: cookie });
    expect(Date.parse(session!.expires)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });
});
