import type { Role } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { isBanned } from './ban-check';

/** What an account may do right now, as the database says (never a token's copy). */
export interface CurrentAccess {
  role: Role;
  /** set while a ban runs (null: not banned, or the ban has expired) */
  bannedUntil: Date | null;
  /** the account's session version: a sim ticket minted under an older one is refused */
  sessionVersion: number;
}

/**
 * Reads an account's role and ban from the database. Long-lived tokens (the login
 * cookie, a sim ticket) carry a copy of the role from when they were minted; anything
 * that grants must ask here instead, so a demotion or ban counts at once.
 * An unknown account is UNAUTHENTICATED.
 */
export async function currentAccess(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  userId: string,
): Promise<CurrentAccess> {
  const u = await deps.db.user.findUnique({
    where: { id: userId },
    select: { role: true, bannedUntil: true, sessionVersion: true },
  });
  if (!u)
    throw new DomainError('UNAUTHENTICATED', `user ${userId} not found`, 'Please sign in again.');
  return {
    role: u.role,
    bannedUntil: isBanned(u, deps.clock.ms()) ? u.bannedUntil : null,
    sessionVersion: u.sessionVersion,
  };
}

/** FORBIDDEN unless the account is an admin now. */
export async function requireCurrentAdmin(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  userId: string,
): Promise<void> {
  const { role, bannedUntil } = await currentAccess(deps, userId);
  if (role !== 'ADMIN' || bannedUntil)
    throw new DomainError('FORBIDDEN', `user ${userId} is not an admin now`, 'Admins only.');
}
