import type { GameDeps } from '../core/deps';
import { accountViewSelect, type AccountView } from './account-view';
import { isBanned } from './ban-check';
import type { LoginSessionClaims } from './login-session';

export type SessionCheck =
  | { valid: true; account: AccountView }
  | { valid: false; reason: 'no-account' | 'revoked' | 'signed-out' | 'banned' };

/**
 * Whether a login token still stands, asked on every server-side read of a session
 * (two primary-key lookups): the account exists, the token's sessionVersion is the
 * current one (not revoked everywhere), its session was not signed out, and the
 * account is not banned. On success the account — role included — comes from the
 * database, so a role change applies to the very next request.
 */
export async function checkSession(
  deps: GameDeps,
  claims: LoginSessionClaims,
): Promise<SessionCheck> {
  const [user, signedOut] = await Promise.all([
    deps.db.user.findUnique({
      where: { id: claims.userId },
      select: { ...accountViewSelect, sessionVersion: true, bannedUntil: true },
    }),
    isSignedOut(deps, claims.sessionId),
  ]);
  if (!user) return { valid: false, reason: 'no-account' };
  if (user.sessionVersion !== claims.sessionVersion) return { valid: false, reason: 'revoked' };
  if (signedOut) return { valid: false, reason: 'signed-out' };
  if (isBanned(user, deps.clock.ms())) return { valid: false, reason: 'banned' };
  const { id, email, username, role } = user;
  return { valid: true, account: { id, email, username, role } };
}

/** Whether this login session was signed out (the sim refuses tickets it minted). */
export async function isSignedOut(deps: Pick<GameDeps, 'db'>, sessionId: string): Promise<boolean> {
  const row = await deps.db.revokedSession.findUnique({
    where: { id: sessionId },
    select: { id: true },
  });
  return row !== null;
}
