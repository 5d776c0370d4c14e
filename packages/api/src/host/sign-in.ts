/**
 * Sign-in and the login session, as the web's next-auth host calls them: the
 * credentials form's check (verifyLogin, then a new login session), the per-read check
 * of a session token and sign-out. The rules are packages/game/src/accounts.
 */
import {
  LOGIN_SESSION_MAX_AGE_SECONDS,
  checkSession,
  endSession,
  isDomainError,
  openSession,
  verifyLogin,
  type AccountView,
  type LoginAttempt,
  type SessionCheck,
} from '@necp/game';
import { LoginInputSchema } from '@necp/shared';
import type { HostDeps } from './deps';

export { LOGIN_SESSION_MAX_AGE_SECONDS, checkSession, endSession };
export type { AccountView, SessionCheck };

/** This browser's device cookie and the key that signs it (accounts/device-cookie.ts). */
export type LoginDevice = NonNullable<LoginAttempt['device']>;

/** A sign-in refused for a reason the player may read (wrong password, locked, banned, …). */
export class SignInRefused extends Error {
  override readonly name = 'SignInRefused';
}

export interface SignedIn {
  id: string;
  email: string;
  username: string;
  sessionId: string;
  sessionVersion: number;
  /** a device token to remember in this browser's device cookie */
  deviceToken?: string;
}

/**
 * The credentials form's sign-in: the account, a fresh login session, and the device
 * token this browser earned. Throws SignInRefused with a player-readable message, or
 * the unexpected error itself (the caller logs it and says "try again").
 */
export async function signInWithPassword(
  deps: HostDeps,
  credentials: unknown,
  attempt: Pick<LoginAttempt, 'ip' | 'device'>,
): Promise<SignedIn> {
  const parsed = LoginInputSchema.safeParse(credentials ?? {});
  if (!parsed.success) throw new SignInRefused('Enter your email and password.');
  try {
    const user = await verifyLogin(deps, { ...parsed.data, ...attempt });
    const { sessionId, sessionVersion } = await openSession(deps, user.id);
    return {
      id: user.id,
      email: user.email,
      username: user.username,
      sessionId,
      sessionVersion,
      ...(user.deviceToken ? { deviceToken: user.deviceToken } : {}),
    };
  } catch (e) {
    if (isDomainError(e)) throw new SignInRefused(e.userMessage);
    throw e;
  }
}
