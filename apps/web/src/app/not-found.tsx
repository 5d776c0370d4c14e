import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { BrowserSiteHeader } from '@/components/browser-site-header';
import { LostSignal } from '@/components/lost-signal';

export const metadata: Metadata = { title: 'Not found' };

/**
 * Any URL that matches no page (Next answers it with status 404). Rendered per
 * request: the proxy cannot know a URL is missing, so it gives it the nonce CSP.
 */
export default async function NotFound() {
  await connection();
  return (
    <>
      <BrowserSiteHeader />
      <LostSignal
        code="404"
        title="No such address in Night City"
        testId="not-found"
        actions={
          <>
            <Link href="/" className="btn btn--primary" data-testid="not-found-home">
              Back to the street
            </Link>
            <Link href="/characters" className="btn">
              Your characters
            </Link>
          </>
        }
      >
        <p>
          The netrunner who wired this link got flatlined. The page you asked for was never here, or
          it moved.
        </p>
      </LostSignal>
    </>
  );
}
