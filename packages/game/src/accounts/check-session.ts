import { z } from 'zod';
import { readRows } from '@necp/db';
import { ROLES } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import type { AccountView } from './account-view';
import { isBanned } from './ban-check';
import type { LoginSessionClaims } from './login-session';

export type SessionCheck =
  | { valid: true; account: AccountView }
  | { valid: false; reason: 'no-account' | 'revoked' | 'signed-out' | 'banned' };

/** The one row checkSession reads (validated: raw SQL is typed by nothing else). */
const SessionRowSchema = z.object({
  id: z.string(),
  email: z.string(),
  username: z.string(),
  role: z.enum(ROLES),
  sessionVersion: z.number().int(),
  bannedUntil: z.date().nullable(),
  signedOut: z.boolean(),
});

/**
 * Whether a login token still stands, asked on every server-side read of a session:
 * the account exists, the token's sessionVersion is the current one (not revoked
 * everywhere), its session was not signed out, and the account is not banned. On
 * success the account — role included — comes from the database, so a role change,
 * ban or revocation applies to the very next request, whoever wrote it.
 *
 * One prepared statement (the account row and the revocation row joined) straight
 * through the pool: this runs on every signed-in request, and each Prisma model query
 * cost ~1 ms of CPU, a `$queryRaw` ~0.6 ms, this ~0.1 ms (docs/perf.md, "The web tier").
 */
export async function checkSession(
  deps: GameDeps,
  claims: LoginSessionClaims,
): Promise<SessionCheck> {
  const rows = await readRows(deps.db, {
    name: 'necp_check_session',
    text: `SELECT u.id, u.email, u.username, u.role::text AS role, u."sessionVersion", u."bannedUntil",
        EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r.id = $1) AS "signedOut"
      FROM "User" u
      WHERE u.id = $2`,
    values: [claims.sessionId, claims.userId],
  });
  if (rows.length === 0) return { valid: false, reason: 'no-account' };
  const user = SessionRowSchema.parse(rows[0]);
  if (user.sessionVersion !== claims.sessionVersion) return { valid: false, reason: 'revoked' };
  if (user.signedOut) return { valid: false, reason: 'signed-out' };
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
