/**
 * Brute-force protection for logins, keyed by what the attacker controls — the
 * client IP and the normalised email — never only by the user row, so an email
 * with no account is throttled and locked exactly like a real one.
 *
 * - per IP: at most LOGIN_IP_ATTEMPTS_PER_MINUTE failed logins a minute;
 * - per email: LOGIN_MAX_FAILURES_BEFORE_LOCK consecutive failures lock it for
 *   LOGIN_LOCK_MINUTES (deadline from the injected clock) — for untrusted logins
 *   only: a login presenting a device cookie of the account is counted against that
 *   device instead (device-cookie.ts), so failures from elsewhere never lock it out.
 *
 * Checks read before the attempt and failures are counted after it, so a burst of
 * parallel guesses can overshoot a limit by at most the burst size.
 */
import {
  LOGIN_IP_ATTEMPTS_PER_MINUTE,
  LOGIN_LOCK_MINUTES,
  LOGIN_MAX_FAILURES_BEFORE_LOCK,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { lockStoreFor, rateLimiterFor } from '../ratelimit/registry';
import type { RateLimitSpec } from '../ratelimit/rate-limiter';

export const LOGIN_FAILED_MESSAGE = 'Invalid email or password';
export const LOGIN_THROTTLED_MESSAGE = 'Too many failed attempts. Try again later.';

export const LOGIN_IP_LIMIT: RateLimitSpec = {
  name: 'login-ip',
  points: LOGIN_IP_ATTEMPTS_PER_MINUTE,
  durationSec: 60,
};

/** Consecutive failures per email; the window only ages out stale counts (a success or a lock resets it). */
export const LOGIN_EMAIL_FAILURES: RateLimitSpec = {
  name: 'login-email',
  points: LOGIN_MAX_FAILURES_BEFORE_LOCK,
  durationSec: 24 * 60 * 60,
};

const LOCK_MS = LOGIN_LOCK_MINUTES * 60_000;

export const loginThrottledError = (why: string) =>
  new DomainError('RATE_LIMITED', `login throttled: ${why}`, LOGIN_THROTTLED_MESSAGE);

export function loginGuard(deps: GameDeps) {
  const perIp = rateLimiterFor(deps, LOGIN_IP_LIMIT);
  const perEmail = rateLimiterFor(deps, LOGIN_EMAIL_FAILURES);
  const locks = lockStoreFor(deps, 'login-email');

  return {
    /**
     * Throws RATE_LIMITED while the IP is over its limit or the email is locked.
     * `dbLockedUntil` (the account row's copy) keeps a lock alive across a restart
     * of an in-memory limiter.
     */
    async assertAllowed(
      ip: string,
      email: string,
      dbLockedUntil: Date | null,
      trustedDevice = false,
    ): Promise<void> {
      if (!(await perIp.peek(ip)).allowed) throw loginThrottledError('ip');
      if (trustedDevice) return;
      const now = deps.clock.ms();
      if (dbLockedUntil && dbLockedUntil.getTime() > now)
        throw loginThrottledError('account locked');
      if (await locks.lockedUntil(email)) throw loginThrottledError('email locked');
    },

    /** Counts a failure; returns the email's consecutive count (null for a trusted device) and the lock deadline if this failure locked the email. */
    async recordFailure(
      ip: string,
      email: string,
      trustedDevice = false,
    ): Promise<{ failures: number | null; lockedUntil: Date | null }> {
      await perIp.consume(ip);
      // a known device's failures are counted on its own row (recordDeviceFailure)
      if (trustedDevice) return { failures: null, lockedUntil: null };
      const { consumed } = await perEmail.consume(email);
      if (consumed < LOGIN_MAX_FAILURES_BEFORE_LOCK)
        return { failures: consumed, lockedUntil: null };
      const lockedUntil = await locks.lock(email, LOCK_MS);
      // the count starts over once the lock expires
      await perEmail.reset(email);
      return { failures: consumed, lockedUntil };
    },

    async recordSuccess(email: string): Promise<void> {
      await perEmail.reset(email);
    },
  };
}
