import { ChangePasswordInputSchema } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { accountNotFound, DomainError } from '../core/errors';
import { rateLimiterFor } from '../ratelimit/registry';
import type { RateLimitSpec } from '../ratelimit/rate-limiter';
import { hashPassword, verifyPassword } from './password';
import { assertStrongPassword } from './password-policy';
import { revokeSessions } from './revoke-sessions';
import { parseInput } from '../core/validation';
import { inTransaction } from '../core/transaction';

/** Guesses at the current password through a stolen session: per account. */
export const CHANGE_PASSWORD_LIMIT: RateLimitSpec = {
  name: 'change-password',
  points: 5,
  durationSec: 15 * 60,
};

export const WRONG_CURRENT_PASSWORD = 'Your current password is not correct';
/** the audit detail of a wrong current password (sign-in activity tells it apart from a login) */
export const CHANGE_PASSWORD_FAILURE_DETAIL = 'wrong current password when changing the password';

export interface ChangePasswordRequest {
  userId: string;
  currentPassword: string;
  newPassword: string;
  ip?: string | null;
}

/**
 * Changes the password of a signed-in account. The current password must be given
 * (a stolen session alone cannot take the account over), the new one must pass the
 * strength rule, and every session ends in the same transaction as the new hash
 * (the caller signs in again). Returns the new session version.
 */
export async function changePassword(
  deps: GameDeps,
  req: ChangePasswordRequest,
): Promise<{ sessionVersion: number }> {
  const { currentPassword, newPassword } = parseInput(ChangePasswordInputSchema, req);
  const user = await deps.db.user.findUnique({
    where: { id: req.userId },
    select: { id: true, email: true, username: true, passwordHash: true },
  });
  if (!user) throw accountNotFound(req.userId);
  // rated first: fixing a weak choice costs no attempt
  await assertStrongPassword(newPassword, user);

  const attempts = await rateLimiterFor(deps, CHANGE_PASSWORD_LIMIT).consume(user.id);
  if (!attempts.allowed) {
    throw new DomainError(
      'RATE_LIMITED',
      `change-password limit reached for ${user.id}`,
      'Too many attempts. Try again later.',
    );
  }
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await deps.db.authEvent.create({
      data: {
        userId: user.id,
        kind: 'LOGIN_FAIL',
        ip: req.ip ?? null,
        detail: CHANGE_PASSWORD_FAILURE_DETAIL,
      },
    });
    throw new DomainError('VALIDATION', 'wrong current password', WRONG_CURRENT_PASSWORD);
  }

  const passwordHash = await hashPassword(newPassword);
  const sessionVersion = await inTransaction(deps.db, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    return revokeSessions(tx, { userId: user.id, kind: 'PASSWORD_CHANGED', ip: req.ip ?? null });
  });
  await rateLimiterFor(deps, CHANGE_PASSWORD_LIMIT).reset(user.id);
  return { sessionVersion };
}
