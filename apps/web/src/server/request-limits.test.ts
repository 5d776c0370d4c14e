import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import {
  refuseOversizedBatch,
  refuseUnsafeTrpcPost,
  TRPC_MAX_BATCH,
  withCappedBody,
} from './request-limits';

const URL_ = 'http://localhost/api/trpc/auth.register';

/** RequestInit as Node's fetch takes it: a streamed body needs `duplex` (not in the DOM types). */
type StreamInit = ConstructorParameters<typeof NextRequest>[1] & { duplex: 'half' };

/** A chunked body that counts how much of it was pulled. */
function stream(chunks: number, chunkBytes: number) {
  const pulled = { chunks: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.chunks === chunks) return controller.close();
      pulled.chunks++;
      controller.enqueue(new Uint8Array(chunkBytes));
    },
  });
  return { body, pulled };
}

describe('withCappedBody', () => {
  it('refuses a declared Content-Length over the cap with 413 without reading the body', async () => {
    const { body, pulled } = stream(1000, 1024);
    const req = new NextRequest(URL_, {
      method: 'POST',
      headers: { 'content-length': String(200 * 1024 * 1024) },
      body,
      duplex: 'half',
    } as StreamInit);
    const res = await withCappedBody(req, 64 * 1024);
    expect(res).toBeInstanceOf(Response);
    expect((res as Response).status).toBe(413);
    expect(pulled.chunks).toBeLessThanOrEqual(1);
  });

  it('counts a chunked body while reading and stops at the cap', async () => {
    const { body, pulled } = stream(10_000, 1024); // 10 MB if read in full
    const req = new NextRequest(URL_, { method: 'POST', body, duplex: 'half' } as StreamInit);
    const res = await withCappedBody(req, 64 * 1024);
    expect((res as Response).status).toBe(413);
    expect(await (res as Response).json()).toMatchObject({ error: { code: 413 } });
    expect(pulled.chunks).toBeLessThan(70);
  });

  it('passes a body within the cap on, intact', async () => {
    const text = JSON.stringify({ json: { hello: 'x'.repeat(1000) } });
    const req = new NextRequest(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    const res = await withCappedBody(req, 64 * 1024);
    expect(res).toBeInstanceOf(NextRequest);
    expect(await (res as NextRequest).text()).toBe(text);
    expect((res as NextRequest).headers.get('content-type')).toBe('application/json');
  });
});

describe('refuseUnsafeTrpcPost', () => {
  const post = (headers: Record<string, string>) =>
    new Request(URL_, { method: 'POST', headers, body: '{}' });

  it('answers 415 for anything but JSON (a cross-site HTML form cannot send JSON)', () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ])
      expect(refuseUnsafeTrpcPost(post({ 'content-type': type }))?.status).toBe(415);
    expect(refuseUnsafeTrpcPost(post({}))?.status).toBe(415);
    expect(
      refuseUnsafeTrpcPost(post({ 'content-type': 'Application/JSON; charset=utf-8' })),
    ).toBeNull();
    expect(refuseUnsafeTrpcPost(new Request(URL_))).toBeNull(); // GET queries
  });

  it('answers 403 to a POST the browser marks cross-site', () => {
    const res = refuseUnsafeTrpcPost(
      post({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }),
    );
    expect(res?.status).toBe(403);
    expect(
      refuseUnsafeTrpcPost(
        post({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }),
      ),
    ).toBeNull();
  });
});

describe('refuseOversizedBatch', () => {
  const batch = (n: number) =>
    new Request(`http://localhost/api/trpc/${Array(n).fill('auth.me').join(',')}?batch=1`);
  it(`allows ${TRPC_MAX_BATCH} calls and refuses one more`, () => {
    expect(refuseOversizedBatch(batch(TRPC_MAX_BATCH), '/api/trpc')).toBeNull();
    expect(refuseOversizedBatch(batch(TRPC_MAX_BATCH + 1), '/api/trpc')?.status).toBe(400);
    // an encoded comma is still a comma to tRPC
    const encoded = new Request(
      `http://localhost/api/trpc/${Array(TRPC_MAX_BATCH + 1)
        .fill('auth.me')
        .join('%2C')}?batch=1`,
    );
    expect(refuseOversizedBatch(encoded, '/api/trpc')?.status).toBe(400);
  });
});
