import { passwordUserInputs, ratePassword } from '@necp/shared';
import { DomainError } from '../core/errors';

/**
 * Refuses a password zxcvbn rates below MIN_PASSWORD_SCORE for this account (its
 * username and email count as guessable words) with zxcvbn's advice as the message.
 */
export async function assertStrongPassword(
  password: string,
  account: { username?: string; email?: string },
): Promise<void> {
  const rating = await ratePassword(password, passwordUserInputs(account));
  if (!rating.ok) {
    throw new DomainError(
      'VALIDATION',
      `weak password (score ${rating.score})`,
      rating.message ?? 'Choose a stronger password.',
    );
  }
}
