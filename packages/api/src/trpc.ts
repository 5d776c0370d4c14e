/**
 * tRPC setup (create-t3-turbo layout): the request context, the error mapping and
 * the procedure builders every router uses.
 */
import { randomUUID } from 'node:crypto';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import {
  currentAccess,
  isDomainError,
  ownedCharacterId,
  rateLimiterFor,
  type GameDeps,
  type RateLimitSpec,
} from '@necp/game';
import { CharacterIdInputSchema, type Role } from '@necp/shared';
import { toClientError } from './error-mapping';

export interface Session {
  userId: string;
  /** read from the database for this request (the web's getSession), not from the token */
  role: Role;
  /** the login session (one sign-in): auth.signOut ends exactly this one */
  sessionId: string;
}

export interface Context {
  deps: GameDeps;
  /** from next-auth, checked against the database (revoked, banned → null); null when signed out */
  session: Session | null;
  /** client address (as the web tier determined it) */
  ip: string;
  /** correlates logs of one request */
  requestId: string;
}

export interface CreateContextOptions {
  deps: GameDeps;
  session: Session | null;
  /** request headers: only `x-request-id` is read */
  headers?: Headers;
  /** the client address as the web tier determined it (apps/web client-ip.ts); 'unknown' when absent */
  ip?: string;
  requestId?: string;
}

/**
 * Builds the per-request context. Forwarded headers are never read here: which of
 * them to trust depends on the deployment's proxies (TRUSTED_PROXY_HOPS), which the
 * web tier knows, so it passes `ip`.
 */
export function createTRPCContext(opts: CreateContextOptions): Context {
  const h = opts.headers;
  const requestId = opts.requestId ?? h?.get('x-request-id')?.slice(0, 128) ?? randomUUID();
  return {
    deps: opts.deps,
    session: opts.session,
    ip: opts.ip ?? 'unknown',
    requestId,
  };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // no stack traces to clients, in any environment
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      data: {
        ...data,
        // Zod input errors: field messages the web forms show under each field
        zodError:
          error.code === 'BAD_REQUEST' && error.cause instanceof ZodError
            ? z.flattenError(error.cause)
            : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Outermost middleware: every error leaving a procedure goes through the one mapping. */
const mapErrors = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (!result.ok)
    throw toClientError(result.error, { log: ctx.deps.log, requestId: ctx.requestId, path });
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors);

/**
 * Mutations per account (keyed on the session's user id, never on anything the
 * client sends): 10 a second, in bursts of up to 20 — far above what a player clicks
 * (sorting a bag by drag and drop stays well under it), far below what a script sends;
 * one account cannot take the web's write capacity (~100s of moves a second).
 */
export const MUTATION_LIMIT: RateLimitSpec = {
  name: 'mutation-user',
  points: 20,
  durationSec: 2,
};

const limitMutations = t.middleware(async ({ ctx, type, next }) => {
  if (type === 'mutation' && ctx.session) {
    const hit = await rateLimiterFor(ctx.deps, MUTATION_LIMIT).consume(ctx.session.userId);
    if (!hit.allowed) {
      const seconds = Math.max(1, Math.ceil(hit.msBeforeReset / 1000));
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `Too many actions in a short time. Wait ${seconds} s and try again.`,
      });
    }
  }
  return next();
});

export const protectedProcedure = publicProcedure
  .use(({ ctx, next }) => {
    if (!ctx.session)
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in first' });
    return next({ ctx: { session: ctx.session } });
  })
  .use(limitMutations);

/**
 * The one way the API authorizes acting as a character: every procedure whose input names
 * one (`characterId`) is built on this. It checks the id is the caller's live character
 * before the procedure runs — someone else's, a missing and a deleted one are the same
 * NOT_FOUND, so ids cannot be probed (one prepared statement, ownedCharacterId). The
 * procedure's own `.input()` merges with this one (tRPC's input merging), and its
 * `input.characterId` is the checked id: the domain acts for it and asks no account.
 */
export const characterProcedure = protectedProcedure
  .input(CharacterIdInputSchema)
  .use(async ({ ctx, input, next }) => {
    await ownedCharacterId(ctx.deps, ctx.session.userId, input.characterId);
    return next();
  });

/**
 * Staff procedures re-read the role from the database rather than trusting the
 * session token, so a demotion takes effect at once; every call is audit-logged.
 */
const requireRole = (allowed: readonly Role[]) =>
  protectedProcedure.use(async ({ ctx, path, type, next }) => {
    const role = await currentAccess(ctx.deps, ctx.session.userId).then(
      (a) => a.role,
      // an account gone since sign-in has no role
      (err: unknown) => {
        if (isDomainError(err) && err.code === 'UNAUTHENTICATED') return undefined;
        throw err;
      },
    );
    const audit = {
      audit: true,
      requestId: ctx.requestId,
      userId: ctx.session.userId,
      role,
      path,
      type,
      ip: ctx.ip,
    };
    if (!role || !allowed.includes(role)) {
      ctx.deps.log.warn(audit, 'staff procedure refused');
      throw new TRPCError({ code: 'FORBIDDEN', message: 'You do not have permission to do that' });
    }
    const result = await next({ ctx: { session: { ...ctx.session, role } } });
    ctx.deps.log.info({ ...audit, ok: result.ok }, 'staff procedure');
    return result;
  });

export const moderatorProcedure = requireRole(['MODERATOR', 'ADMIN']);
export const adminProcedure = requireRole(['ADMIN']);
