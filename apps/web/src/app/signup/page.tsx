import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthShell } from '@/components/auth-shell';
import { getSession } from '@/server/session';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Sign up' };

export default async function SignUpPage() {
  if (await getSession()) redirect('/characters');
  return (
    <AuthShell title="Create your account" subtitle="new runner registration">
      <SignUpForm />
      <p className="auth__switch muted">
        Already jacked in before? <Link href="/signin">Sign in</Link>
      </p>
    </AuthShell>
  );
}
