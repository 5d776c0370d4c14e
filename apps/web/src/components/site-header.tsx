import Link from 'next/link';
import type { Session } from 'next-auth';
import { isStaff } from '@/app/staff/staff-roles';
import { SignOutButton } from './sign-out-button';

/**
 * Top bar of the out-of-game pages (the game itself is full screen). `checking`: a
 * prerendered page still asking the browser's session (browser-site-header.tsx).
 */
export function SiteHeader({
  session,
  checking = false,
}: {
  session: Session | null;
  checking?: boolean;
}) {
  return (
    <header className="site-header">
      <div className="site-header__brand">
        <Link href="/" className="logo" aria-label="NECP home">
          NECP
        </Link>
        <nav className="site-header__site" aria-label="Public pages">
          <Link
            href="/leaderboards"
            className="site-header__link"
            data-testid="header-leaderboards"
          >
            Leaderboards
          </Link>
        </nav>
      </div>
      <nav className="site-header__nav" aria-label="Account" aria-busy={checking}>
        {checking ? null : session ? (
          <>
            <span className="site-header__user" data-testid="header-username">
              runner <strong>{session.user.username}</strong>
            </span>
            {isStaff(session.user.role) && (
              <Link
                href="/staff/combat-log"
                className="btn btn--magenta btn--small"
                data-testid="staff-link"
              >
                Combat log
              </Link>
            )}
            {isStaff(session.user.role) && (
              <Link
                href="/staff/reports"
                className="btn btn--magenta btn--small"
                data-testid="staff-reports-link"
              >
                Reports
              </Link>
            )}
            {isStaff(session.user.role) && (
              <Link
                href="/staff/arbitration"
                className="btn btn--magenta btn--small"
                data-testid="staff-arbitration-link"
              >
                Arbitration
              </Link>
            )}
            <Link href="/characters" className="btn btn--small">
              Characters
            </Link>
            <Link href="/account" className="btn btn--small" data-testid="account-link">
              Account
            </Link>
            <SignOutButton />
          </>
        ) : (
          <>
            <Link href="/signin" className="btn btn--small">
              Sign in
            </Link>
            <Link href="/signup" className="btn btn--primary btn--small">
              Sign up
            </Link>
          </>
        )}
      </nav>
    </header>
  );
}
