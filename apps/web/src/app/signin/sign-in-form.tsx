'use client';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { LoginInputSchema } from '@necp/shared';
import { Field } from '@/components/field';
import { zodFieldErrors, type FieldErrors } from '@/trpc/errors';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const parsed = LoginInputSchema.safeParse({
      email: String(data.get('email') ?? ''),
      password: String(data.get('password') ?? ''),
    });
    setFormError(null);
    if (!parsed.success) {
      setFields(zodFieldErrors(parsed.error));
      return;
    }
    setFields({});
    setBusy(true);
    // authorize() errors (wrong password, locked account) come back in res.error
    const res = await signIn('credentials', { ...parsed.data, redirect: false });
    if (!res || res.error) {
      setBusy(false);
      setFormError(
        res?.error && res.error !== 'CredentialsSignin' ? res.error : 'Invalid email or password.',
      );
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="signin-form">
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
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fields.password}
      />
      <button type="submit" className="btn btn--primary btn--big auth__submit" disabled={busy}>
        {busy ? 'Connecting…' : 'Sign in'}
      </button>
    </form>
  );
}
