'use client';
import { useEffect, useState } from 'react';
import {
  passwordUserInputs,
  preloadPasswordRater,
  ratePassword,
  type PasswordRating,
} from '@necp/shared';

/**
 * The live strength of a password being typed, by the same rule the server
 * enforces (zxcvbn-ts, see packages/shared rules/password-strength.ts). Null until
 * something is typed; the dictionaries load on first use, in their own chunk.
 */
export function usePasswordRating(
  password: string,
  account: { username?: string; email?: string },
): PasswordRating | null {
  const [rating, setRating] = useState<PasswordRating | null>(null);
  const { username, email } = account;
  useEffect(() => {
    if (!password) {
      setRating(null);
      return;
    }
    let current = true;
    void ratePassword(password, passwordUserInputs({ username, email })).then((r) => {
      if (current) setRating(r);
    });
    return () => {
      current = false;
    };
  }, [password, username, email]);
  return rating;
}

export { preloadPasswordRater };

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

/**
 * A meter with zxcvbn's advice under it while the password is refused (`hideAdvice`
 * while the field itself shows the same message as its error).
 */
export function PasswordMeter({
  rating,
  hideAdvice = false,
}: {
  rating: PasswordRating | null;
  hideAdvice?: boolean;
}) {
  if (!rating) return null;
  return (
    <div
      className="pw-meter"
      data-testid="password-meter"
      data-score={rating.score}
      data-ok={rating.ok}
      aria-live="polite"
    >
      <div className="pw-meter__bars" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={i < rating.score ? 'pw-meter__bar is-on' : 'pw-meter__bar'} />
        ))}
      </div>
      <span className="pw-meter__label">Strength: {LABELS[rating.score]}</span>
      {rating.message && !hideAdvice && (
        <p className="pw-meter__advice" data-testid="password-advice">
          {rating.message}
        </p>
      )}
    </div>
  );
}
