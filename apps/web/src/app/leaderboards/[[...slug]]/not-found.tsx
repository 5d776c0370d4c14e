import Link from 'next/link';
import { LostSignal } from '@/components/lost-signal';

/**
 * An unknown board, class or page (status 404). Static like the board pages (no
 * `connection()` as the site-wide 404 has): cached with the page and given the same
 * hash CSP.
 */
export default function LeaderboardNotFound() {
  return (
    <LostSignal
      code="404"
      title="No such board in Night City"
      testId="leaderboard-not-found"
      actions={
        <>
          <Link href="/leaderboards" className="btn btn--primary">
            All leaderboards
          </Link>
          <Link href="/" className="btn">
            Back to the street
          </Link>
        </>
      }
    >
      <p>That board, class or page does not exist — the ranks end before it, or it never was.</p>
    </LostSignal>
  );
}
