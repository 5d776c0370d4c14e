import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getServerEnv } from '@/env';
import { getAuthOptions } from '@/server/auth';
import { refuseBadAuthRequest } from '@/server/auth-request-guard';
import { AUTH_MAX_BODY_BYTES, withCappedBody } from '@/server/request-limits';
import { withSessionHint } from '@/server/session-hint';

// Options are resolved per request (lazily), so `next build` needs no secrets.
async function handler(
  incoming: NextRequest,
  ctx: { params: Promise<{ nextauth: string[] }> },
): Promise<Response> {
  // 413 before next-auth reads the body
  const req = await withCappedBody(incoming, AUTH_MAX_BODY_BYTES);
  if (req instanceof Response) return req;
  // bad JSON and a GET on the credentials callback are 400/405, not next-auth's 500
  const refused = await refuseBadAuthRequest(req, (await ctx.params).nextauth);
  if (refused) return refused;
  const res = (await NextAuth(req, ctx, getAuthOptions())) as Response;
  return withSessionHint(res, getServerEnv().NEXTAUTH_URL.startsWith('https://'));
}

export { handler as GET, handler as POST };
