/** Reading the signed-in user on the server (RSC pages, route handlers). */
import { cache } from 'react';
import { getServerSession, type NextAuthOptions, type Session } from 'next-auth';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { getAuthOptions } from './auth';

/**
 * The session of the current request, or null; deduplicated per request. next-auth's
 * jwt callback has checked it against the database (session-callbacks.ts): revoked,
 * signed-out and banned sessions are null here, and the role is the database's.
 */
export const getSession = cache(async (): Promise<Session | null> => {
  // per-request by nature: never prerender a page that reads the session at build time
  await connection();
  const session = await getServerSession<NextAuthOptions, Session>(getAuthOptions());
  // no user = a token the callbacks refused or an older session shape: signed out
  return session?.user?.id && session.sessionId ? session : null;
});

/** For protected pages: the session, or a redirect to /signin that comes back here. */
export async function requireSession(returnTo: string): Promise<Session> {
  const session = await getSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}
