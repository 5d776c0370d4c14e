/** tRPC over fetch: the context carries the next-auth session, client IP and a request id. */
import { randomUUID } from 'node:crypto';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter, createTRPCContext } from '@necp/api';
import { clientIp } from '@/server/client-ip';
import { getDeps } from '@/server/deps';
import { getSession } from '@/server/session';

async function handler(req: Request): Promise<Response> {
  const requestId = req.headers.get('x-request-id') ?? randomUUID();
  const session = await getSession();
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () =>
      createTRPCContext({
        deps: getDeps(),
        session: session
          ? { userId: session.user.id, role: session.user.role, sessionId: session.sessionId }
          : null,
        ip: clientIp(req.headers),
        requestId,
      }),
  });
  res.headers.set('x-request-id', requestId);
  return res;
}

export { handler as GET, handler as POST };
