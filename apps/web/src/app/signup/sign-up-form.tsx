'use client';
import { useMutation } from '@tanstack/react-query';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { RegisterInputSchema, passwordUserInputs, ratePassword } from '@necp/shared';
import { Field } from '@/components/field';
import {
  PasswordMeter,
  preloadPasswordRater,
  usePasswordRating,
} from '@/components/password-strength';
import { toFormError, zodFieldErrors, type FieldErrors } from '@/trpc/errors';
import { useTRPC } from '@/trpc/react';

export function SignUpForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const register = useMutation(trpc.auth.register.mutationOptions());
  const [typed, setTyped] = useState({ email: '', username: '', password: '' });
  const rating = usePasswordRating(typed.password, typed);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const parsed = RegisterInputSchema.safeParse({
      email: String(data.get('email') ?? ''),
      username: String(data.get('username') ?? ''),
      password: String(data.get('password') ?? ''),
    });
    setFormError(null);
    if (!parsed.success) {
      setFields(zodFieldErrors(parsed.error));
      return;
    }
    // the server refuses weak passwords too; saying so here spares a round trip
    const strength = await ratePassword(parsed.data.password, passwordUserInputs(parsed.data));
    if (!strength.ok) {
      setFields({ password: strength.message ?? 'Choose a stronger password.' });
      return;
    }
    setFields({});
    try {
      await register.mutateAsync(parsed.data);
    } catch (err) {
      const f = toFormError(err);
      setFields(f.fields);
      setFormError(f.message);
      return;
    }
    // the account exists: sign in with the same credentials and go pick a character
    setSigningIn(true);
    const res = await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirect: false,
    });
    if (!res || res.error) {
      setSigningIn(false);
      setFormError(res?.error ?? 'Account created, but signing in failed. Please sign in.');
      return;
    }
    router.replace('/characters');
    router.refresh();
  }

  const busy = register.isPending || signingIn;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="signup-form">
      {formError && (
        <p className="form-error" role="alert" data-testid="form-error">
          {formError}
        </p>
      )}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={fields.email}
        onChange={(e) => setTyped((t) => ({ ...t, email: e.target.value }))}
      />
      <Field
        label="Username"
        name="username"
        autoComplete="username"
        required
        hint="3–20 letters, digits or _"
        error={fields.username}
        onChange={(e) => setTyped((t) => ({ ...t, username: e.target.value }))}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters; a few unrelated words make a strong one"
        error={fields.password}
        onFocus={preloadPasswordRater}
        onChange={(e) => {
          setTyped((t) => ({ ...t, password: e.target.value }));
          // the meter takes over from a stale error while typing
          setFields(({ password: _stale, ...rest }) => rest);
        }}
      />
      <PasswordMeter rating={rating} hideAdvice={!!fields.password} />
      <button type="submit" className="btn btn--primary btn--big auth__submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create account'}
      </button>
    </form>
  );
}
