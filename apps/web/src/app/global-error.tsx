'use client';
/**
 * Last resort when the root layout itself failed: it replaces the whole document, so
 * it brings its own <html>, <body> and styles.
 */
import { LostSignal } from '@/components/lost-signal';
import './styles/theme.css';
import './styles/ui.css';
import './styles/info-pages.css';

export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body>
        <LostSignal
          code="ERR"
          title="The city went dark"
          testId="global-error"
          actions={
            <>
              <button type="button" className="btn btn--primary" onClick={reset}>
                Try again
              </button>
              {/* a plain link: the router may be what failed */}
              <a href="/" className="btn">
                Back to the street
              </a>
            </>
          }
        >
          <p>NECP could not load. Try again in a moment.</p>
          {error.digest && <p className="lost__digest muted">Reference: {error.digest}</p>}
        </LostSignal>
      </body>
    </html>
  );
}
