import type { Ack, AckError } from '@necp/shared';
import { isDomainError, type Log } from '@necp/game';
import { INTERNAL_REFUSAL, SimRefusal } from './refusals';

/** What a client passed as the ack callback, if it is one (clients may send anything). */
export type Reply<T> = ((res: Ack<T>) => void) | undefined;

export function asReply<T>(ack: unknown): Reply<T> {
  return typeof ack === 'function' ? (ack as (res: Ack<T>) => void) : undefined;
}

export function replyOk<T>(reply: Reply<T>, data: T): void {
  reply?.({ ok: true, data });
}

/** Any reply can carry an error, whatever its success type. */
export type ErrorReply = ((res: { ok: false; error: AckError }) => void) | undefined;

export function replyError(reply: ErrorReply, error: AckError): void {
  reply?.({ ok: false, error });
}

/**
 * DomainErrors and SimRefusals go to the client as they are (every DomainErrorCode
 * is a RefusalCode: the compiler checks it here); anything else is logged and hidden behind INTERNAL.
 */
export function toAckError(err: unknown, log: Log): AckError {
  if (isDomainError(err)) return { code: err.code, message: err.userMessage };
  if (err instanceof SimRefusal) return { code: err.code, message: err.userMessage };
  log.error({ err }, 'unexpected error in socket handler');
  return INTERNAL_REFUSAL;
}
