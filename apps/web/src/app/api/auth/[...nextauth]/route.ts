import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getAuthOptions } from '@/server/auth';
import { refuseBadAuthRequest } from '@/server/auth-request-guard';

// Options are resolved per request (lazily), so `next build` needs no secrets.
async function handler(
  req: NextRequest,
  ctx: { params: Promise<{ nextauth: string[] }> },
): Promise<Response> {
  // bad JSON and a GET on the credentials callback are 400/405, not next-auth's 500
  const refused = await refuseBadAuthRequest(req, (await ctx.params).nextauth);
  if (refused) return refused;
  return NextAuth(req, ctx, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
