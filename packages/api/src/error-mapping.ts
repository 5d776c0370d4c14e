/**
 * The one place domain errors become tRPC errors. A `Record` over every
 * DomainErrorCode, so adding a code without mapping it is a compile error.
 */
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { isDomainError, type DomainErrorCode, type Log } from '@necp/game';

export const DOMAIN_TO_TRPC_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  INVALID_STATE: 'PRECONDITION_FAILED',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  VALIDATION: 'BAD_REQUEST',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Please try again.';

/**
 * - DomainError → its mapped code with the player-facing message;
 * - errors tRPC raised on purpose (bad input, auth checks) → unchanged;
 * - anything else → a generic INTERNAL_SERVER_ERROR, logged with the request id.
 */
export function toClientError(
  error: TRPCError,
  at: { log: Log; requestId: string; path: string },
): TRPCError {
  const cause = error.cause;
  if (isDomainError(cause)) {
    return new TRPCError({
      code: DOMAIN_TO_TRPC_CODE[cause.code],
      message: cause.userMessage,
      cause,
    });
  }
  if (error.code !== 'INTERNAL_SERVER_ERROR') return error;
  at.log.error(
    { err: cause ?? error, requestId: at.requestId, path: at.path },
    'unhandled error in tRPC procedure',
  );
  return new TRPCError({
    code: 'INTERNAL_SERVER_ERROR',
    message: `${INTERNAL_ERROR_MESSAGE} (ref ${at.requestId})`,
  });
}
