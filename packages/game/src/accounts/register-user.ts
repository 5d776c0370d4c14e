import { RegisterInputSchema, type RegisterInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { accountViewSelect, type AccountView } from './account-view';
import { hashPassword } from './password';
import { assertStrongPassword } from './password-policy';
import { rateLimiterFor } from '../ratelimit/registry';
import type { RateLimitSpec } from '../ratelimit/rate-limiter';
import { isUniqueViolation, parseInput } from '../core/validation';
import { inTransaction } from '../core/transaction';

/**
 * Account farming guard: new accounts per client IP per hour (30 unless the operator
 * sets REGISTRATIONS_PER_IP_PER_HOUR, e.g. for a LAN party behind one address).
 */
export const REGISTER_IP_LIMIT: RateLimitSpec = {
  name: 'register-ip',
  points: 30,
  durationSec: 60 * 60,
};

const registerIpLimit = (deps: GameDeps): RateLimitSpec =>
  deps.config.registrationsPerIpPerHour === undefined
    ? REGISTER_IP_LIMIT
    : { ...REGISTER_IP_LIMIT, points: deps.config.registrationsPerIpPerHour };

export type RegisterUserInput = RegisterInput & { ip?: string };

/**
 * Creates an account. Email is stored lower-cased; usernames are unique
 * case-insensitively through usernameLower. The user row and its REGISTER audit
 * event are written together or not at all.
 */
export async function registerUser(deps: GameDeps, input: RegisterUserInput): Promise<AccountView> {
  const { email, username, password } = parseInput(RegisterInputSchema, input);
  await assertStrongPassword(password, { username, email });
  if (input.ip && !(await rateLimiterFor(deps, registerIpLimit(deps)).consume(input.ip)).allowed) {
    throw new DomainError(
      'RATE_LIMITED',
      `registration limit reached for ${input.ip}`,
      'Too many new accounts from your network. Try again later.',
    );
  }
  const passwordHash = await hashPassword(password);
  try {
    return await inTransaction(deps.db, async (tx) => {
      const user = await tx.user.create({
        data: { email, username, usernameLower: username.toLowerCase(), passwordHash },
        select: accountViewSelect,
      });
      await tx.authEvent.create({
        data: { userId: user.id, kind: 'REGISTER', ip: input.ip ?? null },
      });
      return user;
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new DomainError(
        'CONFLICT',
        'email or username already registered',
        'That email or username is already taken',
      );
    }
    throw e;
  }
}
