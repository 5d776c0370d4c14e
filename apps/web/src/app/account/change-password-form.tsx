'use client';
import { useMutation } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { ChangePasswordInputSchema, passwordUserInputs, ratePassword } from '@necp/shared';
import { Field } from '@/components/field';
import {
  PasswordMeter,
  preloadPasswordRater,
  usePasswordRating,
} from '@/components/password-strength';
import { toFormError, zodFieldErrors, type FieldErrors } from '@/trpc/errors';
import { useTRPC } from '@/trpc/react';

/**
 * Changing the password ends every session, this one included, so on success the
 * player is signed out and signs in again with the new password.
 */
export function ChangePasswordForm({ username, email }: { username: string; email: string }) {
  const trpc = useTRPC();
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const rating = usePasswordRating(newPassword, { username, email });

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const parsed = ChangePasswordInputSchema.safeParse({
      currentPassword: String(data.get('currentPassword') ?? ''),
      newPassword: String(data.get('newPassword') ?? ''),
    });
    setFormError(null);
    if (!parsed.success) {
      setFields(zodFieldErrors(parsed.error));
      return;
    }
    const strength = await ratePassword(
      parsed.data.newPassword,
      passwordUserInputs({ username, email }),
    );
    if (!strength.ok) {
      setFields({ newPassword: strength.message ?? 'Choose a stronger password.' });
      return;
    }
    setFields({});
    try {
      await change.mutateAsync(parsed.data);
    } catch (err) {
      const f = toFormError(err);
      setFields(f.fields);
      setFormError(f.message);
      return;
    }
    setDone(true);
    await signOut({ callbackUrl: '/signin' });
  }

  return (
    <section className="panel" aria-labelledby="change-password-title">
      <h2 className="panel__title" id="change-password-title">
        change password
      </h2>
      {done ? (
        <p role="status" data-testid="password-changed">
          Password changed. Every session has ended; sign in again with the new password.
        </p>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="change-password-form">
          {formError && (
            <p className="form-error" role="alert" data-testid="form-error">
              {formError}
            </p>
          )}
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={fields.currentPassword}
          />
          <Field
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            hint="At least 10 characters; you will be signed out everywhere"
            error={fields.newPassword}
            onFocus={preloadPasswordRater}
            onChange={(e) => {
              setNewPassword(e.target.value);
              // the meter takes over from a stale error while typing
              setFields(({ newPassword: _stale, ...rest }) => rest);
            }}
          />
          <PasswordMeter rating={rating} hideAdvice={!!fields.newPassword} />
          <button type="submit" className="btn btn--primary" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </form>
      )}
    </section>
  );
}
