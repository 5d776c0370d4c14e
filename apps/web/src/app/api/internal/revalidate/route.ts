/**
 * POST /api/internal/revalidate: the sim names public pages whose content changed
 * (server/revalidate-request.ts). Not matched by the proxy (no CSP or body buffering
 * for /api/); the body is signed by the sim, never a browser's.
 */
import { revalidatePath } from 'next/cache';
import type { NextRequest } from 'next/server';
import { internalRequestKey } from '@necp/api/host';
import { getServerEnv } from '@/env';
import { getDeps } from '@/server/deps';
import { handleRevalidateRequest } from '@/server/revalidate-request';

let key: Buffer | undefined;

export async function POST(req: NextRequest): Promise<Response> {
  key ??= internalRequestKey(getServerEnv().SIM_TICKET_SECRET);
  try {
    return await handleRevalidateRequest(req, {
      key,
      nowMs: Date.now(),
      revalidate: (path) => revalidatePath(path),
    });
  } catch (err) {
    getDeps().log.error({ err }, 'revalidation request failed');
    return Response.json(
      { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Revalidation failed.' } },
      { status: 500 },
    );
  }
}
