import { afterAll, describe, expect, it, vi } from 'vitest';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { z } from 'zod';
import { DomainError, DOMAIN_ERROR_CODES, rateLimiterFor } from '@necp/game';
import { createTestUser } from '@necp/db/testing';
import { appRouter, createTRPCContext, DOMAIN_TO_TRPC_CODE } from './index';
import { INTERNAL_ERROR_MESSAGE } from './error-mapping';
import {
  adminProcedure,
  createCallerFactory,
  createTRPCRouter,
  moderatorProcedure,
  MUTATION_LIMIT,
  protectedProcedure,
  publicProcedure,
  type Session,
} from './trpc';
import { rejection, testDb, testDeps } from './testing';

const db = testDb(2);
afterAll(() => db.$disconnect());

/** A router that exists only in this test, built from the exported procedures. */
const testRouter = createTRPCRouter({
  mod: moderatorProcedure.query(({ ctx }) => `mod ok for ${ctx.session.role}`),
  admin: adminProcedure.query(() => 'admin ok'),
  fail: publicProcedure.input(z.object({ code: z.enum(DOMAIN_ERROR_CODES) })).query(({ input }) => {
    throw new DomainError(
      input.code,
      `internal detail for ${input.code}`,
      `player message for ${input.code}`,
    );
  }),
  touch: protectedProcedure.mutation(() => 'touched'),
  look: protectedProcedure.query(() => 'looked'),
  crash: publicProcedure.query(() => {
    throw new Error('connection string postgres://secret@db leaked?');
  }),
});
const callTest = createCallerFactory(testRouter);

describe('role procedures', () => {
  const deps = testDeps(db);
  const as = (session: Omit<Session, 'sessionId'> | null) =>
    callTest(
      createTRPCContext({
        deps,
        session: session && { ...session, sessionId: 'test-session' },
        ip: '10.1.1.1',
      }),
    );

  it.each([
    ['PLAYER', 'FORBIDDEN', 'FORBIDDEN'],
    ['MODERATOR', 'ok', 'FORBIDDEN'],
    ['ADMIN', 'ok', 'ok'],
  ] as const)('%s: moderator → %s, admin → %s', async (role, mod, admin) => {
    const u = await createTestUser(db, { role });
    const caller = as({ userId: u.id, role });
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );
    expect(await outcome(caller.mod())).toBe(mod);
    expect(await outcome(caller.admin())).toBe(admin);
  });

  it('trusts the database role over a stale session role', async () => {
    const demoted = await createTestUser(db, { role: 'PLAYER' });
    expect(await rejection(as({ userId: demoted.id, role: 'ADMIN' }).admin())).toMatchObject({
      code: 'FORBIDDEN',
    });
    const promoted = await createTestUser(db, { role: 'MODERATOR' });
    expect(await as({ userId: promoted.id, role: 'PLAYER' }).mod()).toBe('mod ok for MODERATOR');
  });

  it('needs a session', async () => {
    expect(await rejection(as(null).mod())).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('mutations per account', () => {
  it('are limited by the session user id, whatever address the requests claim', async () => {
    const deps = testDeps(db);
    const [a, b] = [await createTestUser(db), await createTestUser(db)];
    const as = (userId: string, i: number) =>
      callTest(
        createTRPCContext({
          deps,
          session: { userId, role: 'PLAYER', sessionId: `s-${userId}` },
          ip: `10.0.${i >> 8}.${i & 255}`,
        }),
      );
    for (let i = 0; i < 3; i++) expect(await as(a.id, i).touch()).toBe('touched');
    // the rest of the window's budget in one hit, so the short window cannot roll over mid-loop
    await rateLimiterFor(deps, MUTATION_LIMIT).consume(a.id, MUTATION_LIMIT.points - 3);
    const refused = (await rejection(as(a.id, 999).touch())) as Error;
    expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(refused.message).toMatch(
      /Too many actions in a short time\. Wait \d+ s and try again\./,
    );
    // queries are not counted; another account has its own budget
    expect(await as(a.id, 1).look()).toBe('looked');
    expect(await as(b.id, 1).touch()).toBe('touched');
  });
});

describe('error mapping', () => {
  it.each(DOMAIN_ERROR_CODES)(
    'maps DomainError %s to its tRPC code with the player message',
    async (code) => {
      const caller = callTest(createTRPCContext({ deps: testDeps(db), session: null }));
      expect(await rejection(caller.fail({ code }))).toMatchObject({
        code: DOMAIN_TO_TRPC_CODE[code],
        message: `player message for ${code}`,
      });
    },
  );

  it('turns unknown errors into a generic INTERNAL_SERVER_ERROR, logged with the request id', async () => {
    const deps = testDeps(db);
    const logged = vi.spyOn(deps.log, 'error');
    const caller = callTest(createTRPCContext({ deps, session: null, requestId: 'req-123' }));
    const e = await rejection(caller.crash());
    expect(e).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      message: `${INTERNAL_ERROR_MESSAGE} (ref req-123)`,
    });
    expect(String((e as Error).message)).not.toContain('postgres');
    expect((e as Error).cause).toBeUndefined();
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]?.[0]).toMatchObject({ requestId: 'req-123', path: 'crash' });
  });
});

describe('over HTTP (fetch adapter, as the web app mounts it)', () => {
  const deps = testDeps(db);
  type ErrorBody = { error?: { json: { message: string; data: Record<string, unknown> } } };
  /** Queries are GET with ?input=, mutations POST; input is superjson-encoded ({ json }). */
  const call = async (
    router: typeof appRouter | typeof testRouter,
    path: string,
    input?: unknown,
    method = 'GET',
  ) => {
    const encoded =
      input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const res = await fetchRequestHandler({
      endpoint: '/api/trpc',
      router,
      req: new Request(`http://localhost/api/trpc/${path}${method === 'GET' ? encoded : ''}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-request-id': `req-${path}` },
        ...(method === 'POST' ? { body: JSON.stringify({ json: input }) } : {}),
      }),
      createContext: ({ req }) => createTRPCContext({ deps, session: null, headers: req.headers }),
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as ErrorBody };
  };

  it('puts flattened field errors in data.zodError for bad input', async () => {
    const input = { email: 'bad', username: 'ok_name', password: 'x' };
    const { status, body } = await call(appRouter, 'auth.register', input, 'POST');
    expect(status).toBe(400);
    expect(body.error?.json.data).toMatchObject({
      code: 'BAD_REQUEST',
      zodError: {
        formErrors: [],
        fieldErrors: {
          email: ['Enter a valid email address'],
          password: ['Password must be at least 10 characters'],
        },
      },
    });
    expect(body.error?.json.data).not.toHaveProperty('stack');
  });

  it('sends no stack or internals for a crash', async () => {
    const { status, text, body } = await call(testRouter, 'crash');
    expect(status).toBe(500);
    expect(body.error?.json.message).toBe(`${INTERNAL_ERROR_MESSAGE} (ref req-crash)`);
    expect(text).not.toMatch(/postgres|stack|\.ts:/);
  });

  it('maps domain errors to HTTP statuses, with zodError null', async () => {
    const unauth = await call(appRouter, 'character.list');
    expect(unauth.status).toBe(401);
    expect(unauth.body.error?.json.data).toMatchObject({ code: 'UNAUTHORIZED', zodError: null });
    const limited = await call(testRouter, 'fail', { code: 'RATE_LIMITED' });
    expect(limited.status).toBe(429);
    expect(limited.body.error?.json).toMatchObject({
      message: 'player message for RATE_LIMITED',
      data: { zodError: null },
    });
  });

  it('never takes the client address from forwarded headers (the web tier passes ip)', () => {
    const spoofed = new Headers({
      'x-forwarded-for': '203.0.113.9, 10.0.0.1',
      'x-real-ip': '203.0.113.10',
      'x-request-id': 'abc',
    });
    const ctx = createTRPCContext({ deps, session: null, headers: spoofed });
    expect(ctx).toMatchObject({ ip: 'unknown', requestId: 'abc' });
    expect(createTRPCContext({ deps, session: null }).requestId).toMatch(/^[0-9a-f-]{36}$/);
    const explicit = createTRPCContext({
      deps,
      session: null,
      ip: '198.51.100.7',
      headers: spoofed,
    });
    expect(explicit.ip).toBe('198.51.100.7');
  });
});
