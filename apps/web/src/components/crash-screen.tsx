'use client';
import { useEffect, type ReactNode } from 'react';
import { LostSignal } from './lost-signal';

/**
 * What the error boundary (app/error.tsx) and the global error page
 * (app/global-error.tsx) both show: the themed crash screen with "Try again", a way
 * home, and the digest that ties the screen to the server's log line.
 */
export function CrashScreen({
  error,
  reset,
  title,
  testId,
  home,
  children,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  title: string;
  testId: string;
  /** the "Back to the street" link (a Next <Link> where the router still works) */
  home: ReactNode;
  children: ReactNode;
}) {
  useEffect(() => {
    // the server logged the details; the digest ties this screen to that log line
    console.error(error);
  }, [error]);
  return (
    <LostSignal
      code="ERR"
      title={title}
      testId={testId}
      actions={
        <>
          <button type="button" className="btn btn--primary" onClick={reset}>
            Try again
          </button>
          {home}
        </>
      }
    >
      {children}
      {error.digest && (
        <p className="lost__digest muted" data-testid="error-digest">
          Reference: {error.digest}
        </p>
      )}
    </LostSignal>
  );
}
