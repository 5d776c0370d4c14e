/** tRPC over fetch: the context carries the next-auth session, client IP and a request id. */
import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter, createTRPCContext } from '@necp/api';
import { clientIp } from '@/server/client-ip';
import { getDeps } from '@/server/deps';
import {
  refuseOversizedBatch,
  refuseUnsafeTrpcPost,
  TRPC_MAX_BATCH,
  TRPC_MAX_BODY_BYTES,
  withCappedBody,
} from '@/server/request-limits';
import { sessionOfRequest } from '@/server/session';

const ENDPOINT = '/api/trpc';

async function handler(incoming: NextRequest): Promise<Response> {
  const requestId = incoming.headers.get('x-request-id')?.slice(0, 128) ?? randomUUID();
  // limits first: nothing is parsed and no session is read for a request that breaks them
  const req =
    refuseUnsafeTrpcPost(incoming) ??
    refuseOversizedBatch(incoming, ENDPOINT) ??
    (await withCappedBody(incoming, TRPC_MAX_BODY_BYTES));
  if (req instanceof Response) {
    req.headers.set('x-request-id', requestId);
    return req;
  }
  const session = await sessionOfRequest(incoming);
  const res = await fetchRequestHandler({
    endpoint: ENDPOINT,
    req,
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH,
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
