'use client';
/** Error boundary under the root layout: a page threw while rendering. */
import Link from 'next/link';
import { CrashScreen } from '@/components/crash-screen';

export default function ErrorPage(props: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <CrashScreen
      {...props}
      title="The page crashed"
      testId="error-page"
      home={
        <Link href="/" className="btn">
          Back to the street
        </Link>
      }
    >
      <p>Something broke on our side. Try again; if it keeps happening, tell an admin.</p>
    </CrashScreen>
  );
}
