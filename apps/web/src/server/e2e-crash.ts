/**
 * Failures on purpose, for the e2e of the error pages (e2e/error-pages.spec.ts): a page
 * that throws (→ app/error.tsx) and a root layout that throws (→ app/global-error.tsx).
 * Unreachable in production: both do nothing unless E2E_CRASH_PAGES=on, which only
 * the e2e config (playwright.config.ts) sets — without it /e2e-crash is a 404.
 */
import { headers } from 'next/headers';
import { crashPagesFlag } from '@/env';

export const crashPagesOn = () => crashPagesFlag() === 'on';

/** The request header that makes the root layout throw (with the flag on). */
export const CRASH_LAYOUT_HEADER = 'x-e2e-crash-layout';

export async function crashLayoutIfAsked(): Promise<void> {
  if (crashPagesOn() && (await headers()).get(CRASH_LAYOUT_HEADER) === '1')
    throw new Error('e2e: the root layout fails on purpose');
}
