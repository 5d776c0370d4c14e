/**
 * tRPC setup (create-t3-turbo layout): the request context, the error mapping and
 * the procedure builders every router uses.
 */
import { randomUUID } from 'node:crypto';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import type { GameDeps } from '@necp/game';
import type { Role } from '@necp/shared';
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
  /** request headers: `x-request-id` and, when `ip` is not given, `x-forwarded-for`/`x-real-ip` are read */
  headers?: Headers;
  ip?: string;
  requestId?: string;
}

/**
 * Builds the per-request context. Pass `ip` explicitly when the web tier knows
 * the client address; forwarded headers are only trustworthy behind a proxy that sets them.
 */
export function createTRPCContext(opts: CreateContextOptions): Context {
  const h = opts.headers;
  const forwarded = h?.get('x-forwarded-for')?.split(',')[0]?.trim() || h?.get('x-real-ip')?.trim();
  const requestId = opts.requestId ?? h?.get('x-request-id')?.slice(0, 128) ?? randomUUID();
  return {
    deps: opts.deps,
    session: opts.session,
    ip: opts.ip ?? (forwarded || 'unknown'),
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

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in first' });
  return next({ ctx: { session: ctx.session } });
});

/**
 * Staff procedures re-read the role from the database rather than trusting the
 * session token, so a demotion takes effect at once; every call is audit-logged.
 */
const requireRole = (allowed: readonly Role[]) =>
  protectedProcedure.use(async ({ ctx, path, type, next }) => {
    const user = await ctx.deps.db.user.findUnique({
      where: { id: ctx.session.userId },
      select: { role: true },
    });
    const role = user?.role;
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
