/** Reading the signed-in user on the server (RSC pages, route handlers). */
import { cache } from 'react';
import type { Session } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { getServerEnv } from '@/env';
import { getDeps } from './deps';
import { readSession, type CookieJar, type SessionReadOptions } from './session-read';

/**
 * The session of the current request, or null; deduplicated per request. Checked
 * against the database on every request (session-read.ts): revoked, signed-out and
 * banned sessions are null here, and the role is the database's.
 */
export const getSession = cache(async (): Promise<Session | null> => {
  // per-request by nature: never prerender a page that reads the session at build time
  await connection();
  return readSession(getDeps(), await cookies(), readOptions());
});

/** The session of a route handler's request (its own cookies, no request-scope lookup). */
export function sessionOfRequest(req: { cookies: CookieJar }): Promise<Session | null> {
  return readSession(getDeps(), req.cookies, readOptions());
}

function readOptions(): SessionReadOptions {
  const env = getServerEnv();
  return { secret: env.NEXTAUTH_SECRET, secureCookie: env.NEXTAUTH_URL.startsWith('https://') };
}

/** For protected pages: the session, or a redirect to /signin that comes back here. */
export async function requireSession(returnTo: string): Promise<Session> {
  const session = await getSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}
