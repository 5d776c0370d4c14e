import type { z } from 'zod';
import type { Clock, Log } from '@necp/game';
import { asReply, replyError, toAckError, type ErrorReply } from '../net/ack';
import { kick, type Session } from '../session/sessions';

/** What every socket handler gets: its session, time, a logger, and the payload gate. */
export interface HandlerContext {
  session: Session;
  clock: Clock;
  log: Log;
}

/**
 * Parses a client payload with its contract. On failure: acks VALIDATION (when the
 * client gave an ack), counts it against the socket, kicks a socket that keeps
 * sending garbage, and returns undefined.
 */
export function parsePayload<S extends z.ZodType>(
  ctx: HandlerContext,
  schema: S,
  input: unknown,
  reply: ErrorReply,
): z.output<S> | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
    .join('; ');
  rejectPayload(ctx, reply, message);
  return undefined;
}

export function rejectPayload(ctx: HandlerContext, reply: ErrorReply, message: string): void {
  replyError(reply, { code: 'VALIDATION', message });
  if (ctx.session.guard.record()) {
    ctx.log.warn({ userId: ctx.session.userId }, 'too many bad payloads; disconnecting');
    kick(ctx.session.socket, { reason: 'bad_payloads', message: 'Too many invalid messages.' });
  }
}

/**
 * Wraps a socket listener so nothing it throws escapes: Socket.IO runs listeners
 * from its own callbacks, where an exception would take the whole process down.
 * The client gets an INTERNAL ack (when it asked for one); the error is logged.
 */
export function safely<A extends unknown[]>(
  ctx: HandlerContext,
  listener: (...args: A) => void,
): (...args: A) => void {
  return (...args: A) => {
    try {
      listener(...args);
    } catch (err) {
      try {
        replyError(asReply(args.at(-1)), toAckError(err, ctx.log));
      } catch (ackErr) {
        ctx.log.error({ err: ackErr }, 'acking a failed handler failed');
      }
    }
  };
}
