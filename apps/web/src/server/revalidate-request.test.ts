import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import {
  INTERNAL_SIGNATURE_HEADER,
  INTERNAL_TIMESTAMP_HEADER,
  internalRequestKey,
  signInternalRequest,
} from '@necp/game';
import { PUBLIC_PAGE_PATHS_MAX } from '@necp/shared';
import { handleRevalidateRequest, REVALIDATE_MAX_BODY_BYTES } from './revalidate-request';

const URL_ = 'http://localhost/api/internal/revalidate';
const key = internalRequestKey('test-sim-ticket-secret-0123456789');
const NOW = 1_800_000_000_000;

function request(body: string, headers: Record<string, string>) {
  return new NextRequest(URL_, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

const signed = (body: string, at = NOW, k = key) => request(body, signInternalRequest(k, body, at));

async function send(req: NextRequest) {
  const revalidated: string[] = [];
  const res = await handleRevalidateRequest(req, {
    key,
    nowMs: NOW,
    revalidate: (p) => revalidated.push(p),
  });
  const json = (await res.json()) as { error?: { code: string; message: string } };
  return { status: res.status, json, revalidated };
}

const body = (paths: unknown) => JSON.stringify({ paths });

describe('POST /api/internal/revalidate', () => {
  it('revalidates each named public page once', async () => {
    const paths = [
      '/leaderboards',
      '/leaderboards/level',
      '/leaderboards/level/solo/1',
      '/leaderboards/arena-1v1/all/2/S1',
      '/players/Neo-42',
      '/guilds/OWL',
      '/players/Neo-42',
    ];
    const r = await send(signed(body(paths)));
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ revalidated: 6 });
    expect(r.revalidated).toEqual([...new Set(paths)]);
  });

  it('refuses a request without a signature, with a wrong one or another key (401)', async () => {
    const b = body(['/leaderboards']);
    const unsigned = await send(request(b, {}));
    expect(unsigned.status).toBe(401);
    expect(unsigned.json.error?.code).toBe('UNAUTHENTICATED');
    const other = await send(signed(b, NOW, internalRequestKey('another-secret-0123456789abcdef')));
    expect(other.status).toBe(401);
    // a signature of another body
    const h = signInternalRequest(key, body(['/leaderboards/level']), NOW);
    expect((await send(request(b, h))).status).toBe(401);
    const malformed = await send(
      request(b, { [INTERNAL_TIMESTAMP_HEADER]: String(NOW), [INTERNAL_SIGNATURE_HEADER]: 'x' }),
    );
    expect(malformed.status).toBe(401);
    for (const r of [unsigned, other, malformed]) expect(r.revalidated).toEqual([]);
  });

  it('refuses a timestamp outside the 60 s replay window (401), accepts one inside', async () => {
    const b = body(['/leaderboards']);
    const stale = await send(signed(b, NOW - 61_000));
    expect(stale.status).toBe(401);
    expect(stale.json.error?.message).toMatch(/replay window/);
    expect((await send(signed(b, NOW + 61_000))).status).toBe(401);
    expect((await send(signed(b, NOW - 59_000))).status).toBe(200);
  });

  it('refuses paths of unknown shapes, NUL, ill-formed UTF-16 and too many (400)', async () => {
    const bad = [
      ['/about'],
      ['/leaderboards/nope'],
      ['/leaderboards/guilds/solo/1'],
      ['/leaderboards/level/solo/0'],
      ['/leaderboards/level/solo/1/S0'],
      ['/players/a'],
      ['/players/Neo/extra'],
      ['/guilds/TOOLONG'],
      ['/players/Neo\0'],
      ['/players/Ne\uD800o'],
      ['https://evil.example/leaderboards'],
      ['/leaderboards/../api'],
      [],
      Array.from({ length: PUBLIC_PAGE_PATHS_MAX + 1 }, () => '/leaderboards'),
      'not-an-array',
    ];
    for (const paths of bad) {
      const r = await send(signed(body(paths)));
      expect(r.status, JSON.stringify(paths).slice(0, 60)).toBe(400);
      expect(r.json.error?.code).toBe('BAD_REQUEST');
      expect(r.revalidated).toEqual([]);
    }
    const extra = await send(signed(JSON.stringify({ paths: ['/leaderboards'], all: true })));
    expect(extra.status).toBe(400);
    const notJson = await send(signed('{"paths": ['));
    expect(notJson.status).toBe(400);
    expect(notJson.json.error?.message).toMatch(/not JSON/);
  });

  it('refuses another content type (415) and an oversized body (413)', async () => {
    const b = body(['/leaderboards']);
    const req = new NextRequest(URL_, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...signInternalRequest(key, b, NOW) },
      body: b,
    });
    expect((await send(req)).status).toBe(415);
    const huge = body(['/leaderboards', 'x'.repeat(REVALIDATE_MAX_BODY_BYTES)]);
    expect((await send(signed(huge))).status).toBe(413);
  });
});
