import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthShell } from '@/components/auth-shell';
import { getSession } from '@/server/session';
import { safeCallbackUrl } from './callback-url';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSession()) redirect(callbackUrl);
  return (
    <AuthShell title="Sign in" subtitle="runner authentication">
      <SignInForm callbackUrl={callbackUrl} />
      <p className="auth__switch muted">
        New to the city? <Link href="/signup">Create an account</Link>
      </p>
    </AuthShell>
  );
}
