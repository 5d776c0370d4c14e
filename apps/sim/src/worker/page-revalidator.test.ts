import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  INTERNAL_SIGNATURE_HEADER,
  INTERNAL_TIMESTAMP_HEADER,
  createLog,
  internalRequestKey,
  verifyInternalRequest,
} from '@necp/game';
import { PUBLIC_PAGE_PATHS_MAX } from '@necp/shared';
import { PageRevalidator, REVALIDATE_ROUTE } from './page-revalidator';

/** how long a wait below may take on a loaded machine (vi.waitFor) */
const SETTLE = { timeout: 3_000, interval: 10 };

const key = internalRequestKey('test-sim-ticket-secret-0123456789');

interface Received {
  url: string | undefined;
  paths: string[];
  signed: boolean;
}

/** A stand-in for the web's route: records signed bodies, answers `status`. */
async function fakeWeb(status = 200) {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const check = verifyInternalRequest(
        key,
        body,
        {
          timestamp: (req.headers[INTERNAL_TIMESTAMP_HEADER] as string | undefined) ?? null,
          signature: (req.headers[INTERNAL_SIGNATURE_HEADER] as string | undefined) ?? null,
        },
        Date.now(),
      );
      received.push({
        url: req.url,
        paths: (JSON.parse(body) as { paths: string[] }).paths,
        signed: check.ok,
      });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { ok: true } : { error: { code: 'X' } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(server);
  return { url, received };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function revalidator(webUrl: string, o: { flushMs?: number; pendingMax?: number } = {}) {
  const log = createLog('page-revalidator-test', 'silent');
  const warn = vi.spyOn(log, 'warn');
  return { r: new PageRevalidator({ webUrl, key, log, flushMs: o.flushMs ?? 30, ...o }), warn };
}

describe('PageRevalidator', () => {
  it('gathers paths for a moment, dedupes them and posts them signed to the route', async () => {
    const web = await fakeWeb();
    const { r, warn } = revalidator(web.url);
    r.add(['/leaderboards', '/players/Neo']);
    r.add(['/players/Neo', '/leaderboards/arena-1v1']);
    await vi.waitFor(() => expect(web.received).toHaveLength(1), SETTLE);
    expect(web.received[0]).toEqual({
      url: REVALIDATE_ROUTE,
      paths: ['/leaderboards', '/players/Neo', '/leaderboards/arena-1v1'],
      signed: true,
    });
    // a later change is a later request
    r.add(['/guilds/OWL']);
    await vi.waitFor(() => expect(web.received).toHaveLength(2), SETTLE);
    expect(web.received[1]?.paths).toEqual(['/guilds/OWL']);
    expect(warn).not.toHaveBeenCalled();
    await r.stop();
  });

  it('splits more paths than one request takes and drops what is past its cap', async () => {
    const web = await fakeWeb();
    const { r, warn } = revalidator(web.url, { flushMs: 10_000, pendingMax: 450 });
    const paths = Array.from({ length: 500 }, (_, i) => `/players/Neo${i}`);
    r.add(paths);
    await r.flush();
    expect(web.received.map((x) => x.paths.length)).toEqual([PUBLIC_PAGE_PATHS_MAX, 200, 50]);
    expect(web.received.flatMap((x) => x.paths)).toEqual(paths.slice(0, 450));
    expect(web.received.every((x) => x.signed)).toBe(true);
    expect(warn).toHaveBeenCalledWith({ dropped: 50 }, expect.stringMatching(/dropped/));
    await r.stop();
  });

  it('logs and drops a refused or failed post, and carries on', async () => {
    const refusing = await fakeWeb(401);
    const a = revalidator(refusing.url);
    a.r.add(['/leaderboards']);
    await vi.waitFor(() => expect(a.warn).toHaveBeenCalledTimes(1), SETTLE);
    expect(a.warn.mock.calls[0]?.[0]).toMatchObject({ status: 401 });
    expect(refusing.received).toHaveLength(1);
    await a.r.stop();

    // nobody listening: the post fails, is logged, and the next one is tried all the same
    const b = revalidator('http://127.0.0.1:1');
    b.r.add(['/leaderboards']);
    await b.r.flush();
    expect(b.warn).toHaveBeenCalledWith(
      expect.objectContaining({ paths: 1 }),
      expect.stringMatching(/failed; dropped/),
    );
    b.r.add(['/leaderboards/level']);
    await b.r.flush();
    expect(b.warn).toHaveBeenCalledTimes(2);
    await b.r.stop();
  });

  it('sends what is queued when stopped, and takes nothing after', async () => {
    const web = await fakeWeb();
    const { r } = revalidator(web.url, { flushMs: 10_000 });
    r.add(['/leaderboards']);
    await r.stop();
    expect(web.received.map((x) => x.paths)).toEqual([['/leaderboards']]);
    r.add(['/leaderboards/level']);
    await r.flush();
    expect(web.received).toHaveLength(1);
  });
});
