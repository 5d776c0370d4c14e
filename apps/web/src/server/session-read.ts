/**
 * The request path's session read: decrypt the next-auth cookie and check it against
 * the database (checkToken, the same check the jwt callback runs), nothing else.
 * getServerSession would run next-auth's whole AuthHandler per request — options, a
 * fresh CSRF token, the callbacks and a re-encrypted JWT that a server read throws
 * away — for the same answer. Renewal stays with /api/auth/session (next-auth's own).
 */
import type { Session } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import type { HostDeps } from '@necp/api/host';
import { SessionEndedError, checkToken, sessionOf } from './session-callbacks';

/** What the cookie store of a request offers (next/headers' cookies(), NextRequest.cookies). */
export interface CookieJar {
  getAll(): { name: string; value: string }[];
}

export interface SessionReadOptions {
  secret: string;
  /** https deployments: next-auth names the cookie `__Secure-…` */
  secureCookie: boolean;
}

/**
 * The signed-in session of a request, or null: no cookie, a cookie that does not
 * decrypt, or a session that no longer stands (signed out, revoked, banned). The
 * role and names come from the database read, never from the token.
 */
export async function readSession(
  deps: HostDeps,
  cookies: CookieJar,
  { secret, secureCookie }: SessionReadOptions,
): Promise<Session | null> {
  // cookies only (headers: {}): getToken would also take a Bearer header, which our
  // sessions never use and so must not accept
  const token = await getToken({ req: { cookies, headers: {} } as never, secret, secureCookie });
  if (!token?.sid || typeof token.exp !== 'number') return null;
  try {
    const account = await checkToken(deps, token);
    return sessionOf(token.sid, account, new Date(token.exp * 1000).toISOString());
  } catch (e) {
    if (e instanceof SessionEndedError) return null;
    // fail closed, as next-auth does when its jwt callback throws: no session
    deps.log.error({ err: e }, 'session read failed');
    return null;
  }
}
