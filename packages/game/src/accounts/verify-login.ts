import { LoginInputSchema } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import type { AccountView } from './account-view';
import { refuseIfBanned } from './ban-check';
import {
  DEVICE_MAX_FAILURES,
  findTrustedDevice,
  issueDevice,
  readDeviceCookie,
  recordDeviceFailure,
} from './device-cookie';
import { recordSharedDevice } from './shared-devices';
import { LOGIN_FAILED_MESSAGE, loginGuard } from './login-guard';
import { verifyAgainstDummy, verifyPassword } from './password';
import { inTransaction } from '../core/transaction';

export interface LoginAttempt {
  email: string;
  password: string;
  /** client address, as the web tier determined it */
  ip: string;
  /**
   * The browser's device cookie and the key that signs it (deviceCookieKey). When
   * given, a successful login returns a fresh `deviceToken` for the cookie.
   */
  device?: { cookie: string | undefined; key: Buffer };
}

export type LoginResult = AccountView & {
  /** the new device cookie token, when the attempt carried `device` */
  deviceToken?: string;
};

const normaliseEmail = (email: string) => email.trim().toLowerCase().slice(0, 320);
const normaliseIp = (ip: string) => ip.trim().slice(0, 64) || 'unknown';

/**
 * Checks credentials (next-auth's credentials `authorize` calls this). Every
 * failure is the same UNAUTHENTICATED error whether or not the email exists, and
 * the throttling works the same for both (see login-guard.ts). An attempt with a
 * valid device cookie of the account is judged by that device's failures only.
 */
export async function verifyLogin(deps: GameDeps, attempt: LoginAttempt): Promise<LoginResult> {
  const email = normaliseEmail(attempt.email);
  const ip = normaliseIp(attempt.ip);
  const guard = loginGuard(deps);

  const user = await deps.db.user.findUnique({ where: { email } });
  const device =
    user && attempt.device
      ? await findTrustedDevice(
          deps,
          user.id,
          readDeviceCookie(attempt.device.key, attempt.device.cookie),
        )
      : null;
  const knownDevice = device !== null;
  await guard.assertAllowed(ip, email, user?.lockedUntil ?? null, knownDevice);

  const wellFormed = LoginInputSchema.safeParse({ email, password: attempt.password }).success;
  const ok =
    wellFormed && user
      ? await verifyPassword(user.passwordHash, attempt.password)
      : await verifyAgainstDummy(attempt.password);

  if (!ok || !user) {
    const { failures, lockedUntil } = await guard.recordFailure(ip, email, knownDevice);
    const userId = user?.id ?? null;
    const now = new Date(deps.clock.ms());
    const deviceLocked = await inTransaction(deps.db, async (tx) => {
      if (user && failures !== null) {
        await tx.user.update({
          where: { id: user.id },
          data: lockedUntil ? { failedLogins: failures, lockedUntil } : { failedLogins: failures },
        });
      }
      // unknown emails are recorded with the email, so moderators can see credential stuffing
      await tx.authEvent.create({
        data: {
          userId,
          kind: 'LOGIN_FAIL',
          ip,
          knownDevice,
          detail: user ? null : `unknown email ${email}`,
        },
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
      const revoked = device ? await recordDeviceFailure(tx, now, device.id) : false;
      if (revoked) {
        await tx.authEvent.create({
          data: {
            userId,
            kind: 'LOCKED',
            ip,
            knownDevice,
            detail: `device cookie revoked after ${DEVICE_MAX_FAILURES} failures`,
          },
        });
      }
      return revoked;
    });
    if (lockedUntil)
      deps.log.warn({ email, ip, lockedUntil }, 'login locked after repeated failures');
    if (deviceLocked) deps.log.warn({ email, ip }, 'device cookie revoked after repeated failures');
    throw new DomainError('UNAUTHENTICATED', 'invalid credentials', LOGIN_FAILED_MESSAGE);
  }

  await refuseIfBanned(deps, user, ip);
  // A known device's success leaves the account-wide count alone: an attack on the
  // account from elsewhere stays throttled while its owner plays.
  if (!knownDevice) await guard.recordSuccess(email);
  const now = new Date(deps.clock.ms());
  const deviceToken = await inTransaction(deps.db, async (tx) => {
    if (!knownDevice && (user.failedLogins !== 0 || user.lockedUntil)) {
      await tx.user.update({
        where: { id: user.id },
        data: { failedLogins: 0, lockedUntil: null },
      });
    }
    await tx.authEvent.create({ data: { userId: user.id, kind: 'LOGIN_OK', ip, knownDevice } });
    if (attempt.device)
      await recordSharedDevice(
        tx,
        now,
        user.id,
        readDeviceCookie(attempt.device.key, attempt.device.cookie),
      );
    return attempt.device
      ? issueDevice(tx, now, attempt.device.key, user.id, device?.id ?? null)
      : undefined;
  });
  const account: LoginResult = {
    id: user.id,
    email: user.email,
    username: user.username,
    role: user.role,
  };
  if (deviceToken) account.deviceToken = deviceToken;
  return account;
}
