/**
 * next-auth's jwt/session callbacks, kept apart from the options so they can be tested
 * against the real database without Next. Every read of a session (getServerSession in
 * RSC pages and the tRPC route, /api/auth/session) runs `jwt`, which asks the domain
 * whether the token still stands (checkSession: account exists, session version
 * current, this session not signed out, not banned). A token that does not is refused
 * by throwing: next-auth then answers "no session", clears the cookie and — important —
 * does not renew the token, so a signed-out token can never outlive its revocation row.
 * The role, username and email come from that database read, never from the token.
 */
import type { CallbacksOptions, EventCallbacks, Session } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { checkSession, endSession, type AccountView, type HostDeps } from '@necp/api/host';

/** Thrown by the jwt callback for a token that no longer stands (next-auth logs it as JWT_SESSION_ERROR). */
export class SessionEndedError extends Error {
  override readonly name = 'SessionEnded';
}

/**
 * Whether a decoded token still stands (account exists, session version current, this
 * session not signed out, not banned): the account as the database has it now, or
 * SessionEndedError. Shared by the jwt callback and the request-path read (session.ts).
 */
export async function checkToken(deps: HostDeps, token: JWT): Promise<AccountView> {
  // tokens from before sessions had ids carry no sid: they are signed out
  if (!token.uid || !token.sid || token.sv === undefined)
    throw new SessionEndedError('token without a session id');
  const check = await checkSession(deps, {
    userId: token.uid,
    sessionId: token.sid,
    sessionVersion: token.sv,
  });
  if (!check.valid) throw new SessionEndedError(check.reason);
  return check.account;
}

/** The session our code sees: who, from the database; never a right from the token. */
export function sessionOf(sessionId: string, account: AccountView, expires: string): Session {
  return {
    expires,
    sessionId,
    user: {
      id: account.id,
      email: account.email,
      username: account.username,
      role: account.role,
    },
  };
}

/** The account a token was checked against during this read (jwt → session callback, same token object). */
const checked = new WeakMap<JWT, AccountView>();

export function sessionCallbacks(
  getDeps: () => HostDeps,
): Pick<CallbacksOptions, 'jwt' | 'session'> {
  return {
    async jwt({ token, user }) {
      if (user) {
        // sign-in: name the session; nothing about rights goes into the token
        return {
          sub: user.id,
          uid: user.id,
          email: user.email,
          name: user.username,
          sid: user.sessionId,
          sv: user.sessionVersion,
        };
      }
      const account = await checkToken(getDeps(), token);
      checked.set(token, account);
      return token;
    },

    session({ session, token }) {
      const account = checked.get(token);
      // fail closed: a token the jwt callback did not check has no user
      if (!account || !token.sid) return { expires: session.expires };
      const out: Session = sessionOf(token.sid, account, session.expires);
      return out;
    },
  };
}

/**
 * next-auth's sign-out (POST /api/auth/signout, which the button calls after
 * auth.signOut, and which a script may call alone) also ends the session server-side.
 * endSession is idempotent, so the button's two calls record one sign-out.
 */
export function sessionEvents(getDeps: () => HostDeps): Pick<EventCallbacks, 'signOut'> {
  return {
    async signOut({ token }) {
      if (token?.uid && token.sid)
        await endSession(getDeps(), { userId: token.uid, sessionId: token.sid });
    },
  };
}
