'use client';
/**
 * Last resort when the root layout itself failed: it replaces the whole document, so
 * it brings its own <html>, <body> and styles.
 */
import { CrashScreen } from '@/components/crash-screen';
import './styles/theme.css';
import './styles/ui.css';
import './styles/info-pages.css';

export default function GlobalError(props: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body>
        <CrashScreen
          {...props}
          title="The city went dark"
          testId="global-error"
          // a plain link: the router may be what failed
          home={
            <a href="/" className="btn">
              Back to the street
            </a>
          }
        >
          <p>NECP could not load. Try again in a moment.</p>
        </CrashScreen>
      </body>
    </html>
  );
}
