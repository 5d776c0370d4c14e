import Link from 'next/link';
import { LostSignal } from '@/components/lost-signal';

/**
 * An unknown guild tag (status 404). Static like the guild pages themselves (no
 * `connection()` as the site-wide 404 has): it is cached with the tag's page and
 * gets the same hash CSP.
 */
export default function GuildNotFound() {
  return (
    <LostSignal
      code="404"
      title="No guild flies that tag"
      testId="guild-not-found"
      actions={
        <Link href="/" className="btn btn--primary">
          Back to the street
        </Link>
      }
    >
      <p>No guild in Night City goes by that tag — it was disbanded, or it never was.</p>
    </LostSignal>
  );
}
