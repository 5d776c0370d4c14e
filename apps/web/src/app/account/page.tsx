import type { Metadata } from 'next';
import { SiteHeader } from '@/components/site-header';
import { requireSession } from '@/server/session';
import { AccountDetails } from './account-details';
import { SignOutEverywhereSection } from './sign-out-everywhere';
import '../styles/account.css';

export const metadata: Metadata = { title: 'Account' };

/**
 * The player's account: one section component per concern, listed in order (add new
 * sections — sign-in history, password — as their own components in this list).
 */
export default async function AccountPage() {
  // checked against the database: the role shown is the current one
  const session = await requireSession('/account');
  return (
    <>
      <SiteHeader session={session} />
      <main className="page account" data-testid="account-page">
        <h1 className="account__title">
          Account <span className="neon-cyan">{session.user.username}</span>
        </h1>
        <AccountDetails user={session.user} />
        <SignOutEverywhereSection />
      </main>
    </>
  );
}
