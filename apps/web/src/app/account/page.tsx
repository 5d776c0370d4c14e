import type { Metadata } from 'next';
import { SiteHeader } from '@/components/site-header';
import { requireSession } from '@/server/session';
import { AccountDetails } from './account-details';
import { ChangePasswordForm } from './change-password-form';
import { SignInActivity } from './sign-in-activity';
import { SignOutEverywhereSection } from './sign-out-everywhere';
import '../styles/account.css';

export const metadata: Metadata = { title: 'Account' };

/** The player's account: one section component per concern, listed in order. */
export default async function AccountPage() {
  // checked against the database: the role shown is the current one
  const session = await requireSession('/account');
  return (
    <>
      <SiteHeader session={session} />
      <main className="page account account-page" data-testid="account-page">
        <h1 className="account__title">
          Account <span className="neon-cyan">{session.user.username}</span>
        </h1>
        <AccountDetails user={session.user} />
        <SignInActivity />
        <ChangePasswordForm username={session.user.username} email={session.user.email} />
        <SignOutEverywhereSection />
      </main>
    </>
  );
}
