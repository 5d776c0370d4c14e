'use client';
/**
 * The landing page's calls to action. The page is prerendered (the same HTML for
 * everyone), so the HTML says "Sign up"; a browser that holds a session switches to
 * "Play" as soon as it has hydrated.
 */
import Link from 'next/link';
import { useBrowserSession } from '@/components/use-browser-session';

export function LandingCta() {
  const signedIn = useBrowserSession() !== 'none';
  return (
    <div className="hero__cta">
      {signedIn ? (
        <Link href="/characters" className="btn btn--primary btn--big" data-testid="cta-play">
          ▶ Play
        </Link>
      ) : (
        <>
          <Link href="/signup" className="btn btn--primary btn--big" data-testid="cta-signup">
            Sign up — it&apos;s free
          </Link>
          <Link href="/signin" className="btn btn--big" data-testid="cta-signin">
            Sign in
          </Link>
        </>
      )}
    </div>
  );
}
