/**
 * The web's internal revalidation route (POST /api/internal/revalidate,
 * docs/leaderboards.md "Caching and revalidation"): the sim's outbox worker names the
 * public pages whose content changed, and each is marked stale in this process's
 * cache (Next renders it again on its next request). Only our own servers may ask:
 * the body is signed with a key derived from SIM_TICKET_SECRET (core/internal-signature
 * in @necp/game) and carries a timestamp within the replay window. Nothing is parsed
 * before the signature holds; every refusal is a JSON error, never a crash.
 */
import type { NextRequest } from 'next/server';
import {
  INTERNAL_SIGNATURE_HEADER,
  INTERNAL_TIMESTAMP_HEADER,
  verifyInternalRequest,
} from '@necp/api/host';
import { RevalidatePagesInputSchema } from '@necp/shared';
import { withCappedBody } from './request-limits';

/** 200 paths of at most 128 characters, quoted and separated, fit with room to spare. */
export const REVALIDATE_MAX_BODY_BYTES = 48 * 1024;

const json = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

export interface RevalidateRequestOptions {
  /** internalRequestKey(SIM_TICKET_SECRET) */
  key: Buffer;
  nowMs: number;
  /** marks one path stale (next/cache's revalidatePath in the route) */
  revalidate(path: string): void;
}

export async function handleRevalidateRequest(
  incoming: NextRequest,
  o: RevalidateRequestOptions,
): Promise<Response> {
  const type = incoming.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    return json(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send application/json.');
  const req = await withCappedBody(incoming, REVALIDATE_MAX_BODY_BYTES);
  if (req instanceof Response) return req;
  let body: string;
  try {
    body = await req.text();
  } catch {
    return json(400, 'BAD_REQUEST', 'The body could not be read.');
  }
  const check = verifyInternalRequest(
    o.key,
    body,
    {
      timestamp: req.headers.get(INTERNAL_TIMESTAMP_HEADER),
      signature: req.headers.get(INTERNAL_SIGNATURE_HEADER),
    },
    o.nowMs,
  );
  if (!check.ok)
    return json(
      401,
      'UNAUTHENTICATED',
      check.reason === 'stale'
        ? 'The request is too old (or too far ahead): its timestamp is outside the replay window.'
        : `The request is not signed (${check.reason}).`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return json(400, 'BAD_REQUEST', 'The body is not JSON.');
  }
  const input = RevalidatePagesInputSchema.safeParse(raw);
  if (!input.success) {
    const issues = input.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    return json(400, 'BAD_REQUEST', `Invalid paths: ${issues.join('; ')}`);
  }
  const paths = [...new Set(input.data.paths)];
  for (const path of paths) o.revalidate(path);
  return Response.json({ revalidated: paths.length });
}
