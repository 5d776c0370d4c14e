/**
 * Limits every API request meets before its body is parsed or its session read:
 * a body cap (413), JSON-only POSTs to tRPC (415) and no cross-site POSTs (403).
 */
import { NextRequest } from 'next/server';

/** tRPC bodies: the largest real input (a chat line, a mail) is a few KiB. */
export const TRPC_MAX_BODY_BYTES = 64 * 1024;
/** next-auth bodies: a form with an email, a password and a CSRF token. */
export const AUTH_MAX_BODY_BYTES = 16 * 1024;
/** procedures per batched tRPC request (the client's httpBatchLink uses the same cap) */
export const TRPC_MAX_BATCH = 16;

const json = (status: number, message: string) =>
  Response.json({ error: { message, code: status } }, { status });

export const payloadTooLarge = (maxBytes: number) =>
  json(413, `Request body too large (the limit is ${maxBytes} bytes).`);

/**
 * The request with its body read into memory, or a 413 as soon as it is known to
 * exceed `maxBytes`: at once from Content-Length, else while counting the streamed
 * (chunked) bytes, when the rest is not read.
 */
export async function withCappedBody(
  req: NextRequest,
  maxBytes: number,
): Promise<NextRequest | Response> {
  if (req.method === 'GET' || req.method === 'HEAD' || !req.body) return req;
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return payloadTooLarge(maxBytes);

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return new NextRequest(req.url, {
    method: req.method,
    headers: req.headers,
    body,
    signal: req.signal,
  });
}

/**
 * CSRF beyond SameSite: a POST must be JSON (an HTML form cannot send that, and a
 * cross-site fetch with it needs a CORS preflight we never grant) and must not be
 * marked cross-site by the browser (Fetch Metadata).
 */
export function refuseUnsafeTrpcPost(req: Request): Response | null {
  if (req.method !== 'POST') return null;
  if (req.headers.get('sec-fetch-site') === 'cross-site')
    return json(403, 'Cross-site requests are not accepted.');
  const type = req.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    return json(415, 'Unsupported content type: send application/json.');
  return null;
}

/** More procedures in one batched call than TRPC_MAX_BATCH: refused before anything runs. */
export function refuseOversizedBatch(req: Request, endpoint: string): Response | null {
  const url = new URL(req.url);
  if (url.searchParams.get('batch') !== '1') return null;
  const paths = decodeURIComponent(url.pathname.slice(endpoint.length + 1)).split(',');
  if (paths.length <= TRPC_MAX_BATCH) return null;
  return json(400, `Too many calls in one batch (the limit is ${TRPC_MAX_BATCH}).`);
}
