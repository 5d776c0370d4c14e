/**
 * Login sessions. The web's login token (a next-auth JWT in an httpOnly cookie) is
 * stateless, so ending a session needs state on the server; we keep it small:
 *
 * - every sign-in gets a random session id and the account's current sessionVersion;
 * - signing out records that one session id in RevokedSession (see end-session.ts);
 * - "sign out everywhere", a password change and a ban bump User.sessionVersion
 *   (revoke-sessions.ts), which refuses every token minted before;
 * - every read of a session checks the token against the database (check-session.ts)
 *   and takes the role from there, never from the token.
 */
import { randomUUID } from 'node:crypto';
import type { GameDeps } from '../core/deps';
import { accountNotFound } from '../core/errors';

/** How long a login token lives; next-auth renews it while it is used (a rolling window). */
export const LOGIN_SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** What a login token carries to identify its session (besides the user id). */
export interface LoginSessionClaims {
  userId: string;
  /** random per sign-in: sign-out revokes exactly this one */
  sessionId: string;
  /** User.sessionVersion when the token was minted */
  sessionVersion: number;
}

/** Starts a session for an account whose credentials were just verified. */
export async function openSession(deps: GameDeps, userId: string): Promise<LoginSessionClaims> {
  const user = await deps.db.user.findUnique({
    where: { id: userId },
    select: { sessionVersion: true },
  });
  if (!user) throw accountNotFound(userId);
  return { userId, sessionId: randomUUID(), sessionVersion: user.sessionVersion };
}
