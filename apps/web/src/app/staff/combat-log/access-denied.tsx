import Link from 'next/link';

/** What a signed-in player sees on a staff page: a clear refusal, not an error page. */
export function AccessDenied({
  username,
  what = 'The combat log',
}: {
  username: string;
  what?: string;
}) {
  return (
    <section className="panel panel--magenta denied" data-testid="staff-forbidden" role="alert">
      <p className="panel__title">staff terminal · 403</p>
      <h1 className="denied__title">ACCESS DENIED</h1>
      <p>
        {what} is for <strong className="neon-yellow">moderators only</strong>. Your account{' '}
        <strong className="neon-cyan">{username}</strong> has no staff clearance.
      </p>
      <p className="muted">
        If you were just promoted, reload this page; it checks your role on every visit.
      </p>
      <Link href="/characters" className="btn btn--small">
        ← Back to your characters
      </Link>
    </section>
  );
}
