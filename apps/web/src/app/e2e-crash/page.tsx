import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { crashPagesOn } from '@/server/e2e-crash';

/** A page that fails on purpose (the e2e of app/error.tsx); a 404 unless E2E_CRASH_PAGES=on. */
export default async function E2eCrashPage(): Promise<never> {
  await connection();
  if (!crashPagesOn()) notFound();
  throw new Error('e2e: this page fails on purpose');
}
