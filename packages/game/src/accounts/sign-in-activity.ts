import type { GameDeps } from '../core/deps';
import { CHANGE_PASSWORD_FAILURE_DETAIL } from './change-password';

/** How many recent entries the account page shows. */
export const SIGN_IN_ACTIVITY_LIMIT = 50;

export type SignInOutcome =
  'ok' | 'failed' | 'locked' | 'device-locked' | 'password-changed' | 'wrong-current-password';

export interface SignInActivityEntry {
  at: Date;
  ip: string | null;
  outcome: SignInOutcome;
  /** the attempt came from a browser that had signed in to this account before */
  knownDevice: boolean;
}

/**
 * The account owner's recent sign-in attempts, newest first: so an owner sees that
 * someone is guessing (failed and locked entries from browsers they do not know).
 */
export async function signInActivity(
  deps: GameDeps,
  userId: string,
): Promise<SignInActivityEntry[]> {
  const rows = await deps.db.authEvent.findMany({
    where: { userId, kind: { in: ['LOGIN_OK', 'LOGIN_FAIL', 'LOCKED', 'PASSWORD_CHANGED'] } },
    orderBy: { id: 'desc' },
    take: SIGN_IN_ACTIVITY_LIMIT,
    select: { createdAt: true, ip: true, kind: true, detail: true, knownDevice: true },
  });
  return rows.map((r) => ({
    at: r.createdAt,
    ip: r.ip,
    knownDevice: r.knownDevice,
    outcome:
      r.kind === 'LOGIN_OK'
        ? 'ok'
        : r.kind === 'LOGIN_FAIL'
          ? r.detail === CHANGE_PASSWORD_FAILURE_DETAIL
            ? 'wrong-current-password'
            : 'failed'
          : r.kind === 'PASSWORD_CHANGED'
            ? 'password-changed'
            : r.detail?.startsWith('device cookie')
              ? 'device-locked'
              : 'locked',
  }));
}
