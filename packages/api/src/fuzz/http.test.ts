/**
 * The wire side of the tRPC fuzz: malformed HTTP requests (bodies that are not
 * JSON, superjson envelopes with hostile meta, batches of nonsense, GET inputs in
 * the query string) through tRPC's fetch adapter with the app router, as the web
 * route runs it. None may answer 5xx. (That nothing is written is the procedure
 * fuzz's assertion, on a database of its own; this one shares the ordinary one.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { NASTY_STRINGS, badValue } from '@necp/shared/testing';
import { appRouter } from '../root';
import { createTRPCContext } from '../trpc';
import { testDb, testDeps } from '../testing';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12) * 10;

const db = testDb(2);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

const paths = Object.keys(appRouter._def.procedures as unknown as Record<string, unknown>);
/** a session whose account does not exist: gets past the sign-in check, owns nothing */
const userId = 'fuzz-http-nobody';

function send(req: Request, signedIn: boolean): Promise<Response> {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () =>
      createTRPCContext({
        deps,
        session: signedIn ? { userId, role: 'PLAYER', sessionId: 'fuzz-http-session' } : null,
        ip: '127.0.0.1',
      }),
  });
}

/** Hostile bodies: raw text, JSON of anything, superjson envelopes with lying meta. */
const body = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS, '{', '[', 'null', '{"0":', '\u0000{}'),
  badValue({ json: true, hugeLength: 50_000 }).map((v) => JSON.stringify(v) ?? ''),
  badValue({ json: true, hugeLength: 1_000 }).map((v) => JSON.stringify({ json: v })),
  fc
    .tuple(
      badValue({ json: true, hugeLength: 100 }),
      fc.constantFrom(
        { values: ['bigint'] },
        { values: ['Date'] },
        { values: { a: ['bigint'], '__proto__.polluted': ['set'] } },
        { values: { characterId: ['class', 'Error'] } },
        { values: ['custom', 'nope'] },
        { values: { 'a.b.c.d': ['map'] } },
        { referentialEqualities: { characterId: ['__proto__.polluted'] } },
        { values: ['regexp'] },
      ),
    )
    .map(([json, meta]) => JSON.stringify({ json, meta })),
  fc
    .array(badValue({ json: true, hugeLength: 100 }), { maxLength: 5 })
    .map((items) =>
      JSON.stringify(Object.fromEntries(items.map((v, i) => [String(i), { json: v }]))),
    ),
);

describe(`tRPC over HTTP fuzz (seed ${SEED})`, () => {
  it('malformed requests to every procedure are never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('POST', 'GET'),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
        body,
        async (path, batch, signedIn, method, type, text) => {
          const url = new URL(`http://localhost/api/trpc/${batch ? `${path},${path}` : path}`);
          if (batch) url.searchParams.set('batch', '1');
          if (method === 'GET') url.searchParams.set('input', text);
          const req = new Request(url, {
            method,
            headers: type ? { 'content-type': type } : {},
            ...(method === 'POST' ? { body: text } : {}),
          });
          const res = await send(req, signedIn);
          expect(
            res.status,
            `${method} ${url.pathname}: ${(await res.text()).slice(0, 300)}`,
          ).toBeLessThan(500);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
