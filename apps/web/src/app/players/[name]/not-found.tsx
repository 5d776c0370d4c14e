import Link from 'next/link';
import { LostSignal } from '@/components/lost-signal';

/**
 * An unknown (or deleted, or banned) runner's name (status 404). Static like the
 * profile pages: cached with the name's page and given the same hash CSP.
 */
export default function PlayerNotFound() {
  return (
    <LostSignal
      code="404"
      title="No runner goes by that name"
      testId="player-not-found"
      actions={
        <>
          <Link href="/leaderboards" className="btn btn--primary">
            Leaderboards
          </Link>
          <Link href="/" className="btn">
            Back to the street
          </Link>
        </>
      }
    >
      <p>Nobody in Night City answers to that handle — flatlined, retired, or never jacked in.</p>
    </LostSignal>
  );
}
