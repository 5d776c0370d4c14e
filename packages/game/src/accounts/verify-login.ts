import { LoginInputSchema } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import type { AccountView } from './account-view';
import { refuseIfBanned } from './ban-check';
import { LOGIN_FAILED_MESSAGE, loginGuard } from './login-guard';
import { verifyAgainstDummy, verifyPassword } from './password';

export interface LoginAttempt {
  email: string;
  password: string;
  /** client address, as the web tier determined it */
  ip: string;
}

const normaliseEmail = (email: string) => email.trim().toLowerCase().slice(0, 320);
const normaliseIp = (ip: string) => ip.trim().slice(0, 64) || 'unknown';

/**
 * Checks credentials (next-auth's credentials `authorize` calls this). Every
 * failure is the same UNAUTHENTICATED error whether or not the email exists, and
 * the throttling works the same for both (see login-guard.ts).
 */
export async function verifyLogin(deps: GameDeps, attempt: LoginAttempt): Promise<AccountView> {
  const email = normaliseEmail(attempt.email);
  const ip = normaliseIp(attempt.ip);
  const guard = loginGuard(deps);

  const user = await deps.db.user.findUnique({ where: { email } });
  await guard.assertAllowed(ip, email, user?.lockedUntil ?? null);

  const wellFormed = LoginInputSchema.safeParse({ email, password: attempt.password }).success;
  const ok =
    wellFormed && user
      ? await verifyPassword(user.passwordHash, attempt.password)
      : await verifyAgainstDummy(attempt.password);

  if (!ok || !user) {
    const { failures, lockedUntil } = await guard.recordFailure(ip, email);
    const userId = user?.id ?? null;
    await deps.db.$transaction(async (tx) => {
      if (user) {
        await tx.user.update({
          where: { id: user.id },
          data: lockedUntil ? { failedLogins: failures, lockedUntil } : { failedLogins: failures },
        });
      }
      // unknown emails are recorded with the email, so moderators can see credential stuffing
      await tx.authEvent.create({
        data: { userId, kind: 'LOGIN_FAIL', ip, detail: user ? null : `unknown email ${email}` },
      });
      if (lockedUntil) {
        await tx.authEvent.create({
          data: {
            userId,
            kind: 'LOCKED',
            ip,
            detail: `${email} until ${lockedUntil.toISOString()}`,
          },
        });
      }
    });
    if (lockedUntil)
      deps.log.warn({ email, ip, lockedUntil }, 'login locked after repeated failures');
    throw new DomainError('UNAUTHENTICATED', 'invalid credentials', LOGIN_FAILED_MESSAGE);
  }

  await refuseIfBanned(deps, user, ip);
  await guard.recordSuccess(email);
  await deps.db.$transaction(async (tx) => {
    if (user.failedLogins !== 0 || user.lockedUntil) {
      await tx.user.update({
        where: { id: user.id },
        data: { failedLogins: 0, lockedUntil: null },
      });
    }
    await tx.authEvent.create({ data: { userId: user.id, kind: 'LOGIN_OK', ip } });
  });
  return { id: user.id, email: user.email, username: user.username, role: user.role };
}
