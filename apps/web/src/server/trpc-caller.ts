/** tRPC procedures called in-process from server components (no HTTP round trip). */
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { createCaller, createTRPCContext } from '@necp/api';
import { clientIp } from './client-ip';
import { getDeps } from './deps';
import { getSession } from './session';

export async function serverCaller() {
  const [session, h] = await Promise.all([getSession(), headers()]);
  return createCaller(
    createTRPCContext({
      deps: getDeps(),
      session: session
        ? { userId: session.user.id, role: session.user.role, sessionId: session.sessionId }
        : null,
      ip: clientIp(h),
      requestId: h.get('x-request-id') ?? randomUUID(),
    }),
  );
}
