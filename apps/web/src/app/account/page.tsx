import type { Metadata } from 'next';
import { SiteHeader } from '@/components/site-header';
import { requireSession } from '@/server/session';
import { ChangePasswordForm } from './change-password-form';
import { SignInActivity } from './sign-in-activity';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const session = await requireSession('/account');
  return (
    <>
      <SiteHeader session={session} />
      <main className="page account-page">
        <SignInActivity />
        <ChangePasswordForm username={session.user.username} email={session.user.email} />
      </main>
    </>
  );
}
