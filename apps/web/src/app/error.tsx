'use client';
/** Error boundary under the root layout: a page threw while rendering. */
import Link from 'next/link';
import { useEffect } from 'react';
import { LostSignal } from '@/components/lost-signal';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    // the server logged the details; the digest ties this screen to that log line
    console.error(error);
  }, [error]);
  return (
    <LostSignal
      code="ERR"
      title="The page crashed"
      testId="error-page"
      actions={
        <>
          <button type="button" className="btn btn--primary" onClick={reset}>
            Try again
          </button>
          <Link href="/" className="btn">
            Back to the street
          </Link>
        </>
      }
    >
      <p>Something broke on our side. Try again; if it keeps happening, tell an admin.</p>
      {error.digest && <p className="lost__digest muted">Reference: {error.digest}</p>}
    </LostSignal>
  );
}
