'use client';
/**
 * The session as a prerendered page learns it in the browser: nothing is asked
 * unless the hint cookie says this browser signed in (session-hint-cookie.ts); then
 * next-auth's own /api/auth/session answers who (checked against the database, and
 * renewing the cookie as it does). Signed-out visitors cost the server nothing more.
 */
import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { Session } from 'next-auth';
import { z } from 'zod';
import { ROLES } from '@necp/shared';
import { clearSessionHint, hasSessionHint } from './session-hint-cookie';

const SessionBodySchema = z.object({
  expires: z.string(),
  sessionId: z.string(),
  user: z.object({
    id: z.string(),
    email: z.string(),
    username: z.string(),
    role: z.enum(ROLES),
  }),
});

const noSubscription = () => () => {};

/** Whether the hint is present; false while rendering on the server and hydrating. */
export function useSessionHint(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => hasSessionHint(document.cookie),
    () => false,
  );
}

/** 'none' (signed out), 'checking' (hint present, answer pending) or the session. */
export type BrowserSession = 'none' | 'checking' | Session;

async function fetchSession(): Promise<Session | null> {
  const res = await fetch('/api/auth/session', { credentials: 'same-origin' });
  const parsed = SessionBodySchema.safeParse(res.ok ? await res.json() : null);
  if (parsed.success) return parsed.data;
  // the session ended (signed out elsewhere, revoked, expired): the hint goes too
  if (res.ok) clearSessionHint();
  return null;
}

export function useBrowserSession(): BrowserSession {
  const hinted = useSessionHint();
  // one request per page view, shared by every component that asks
  const q = useQuery({
    queryKey: ['browser-session'],
    queryFn: fetchSession,
    enabled: hinted,
    staleTime: Infinity,
    retry: false,
  });
  if (!hinted || q.data === null || q.isError) return 'none';
  return q.data ?? 'checking';
}
