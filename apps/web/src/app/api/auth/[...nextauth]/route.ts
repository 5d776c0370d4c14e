import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getAuthOptions } from '@/server/auth';

// Options are resolved per request (lazily), so `next build` needs no secrets.
function handler(
  req: NextRequest,
  ctx: { params: Promise<{ nextauth: string[] }> },
): Promise<Response> {
  return NextAuth(req, ctx, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
