/** Player-facing explanations for failures to enter the game or reach the sim. */
import { TRPCClientError } from '@trpc/client';
import { isRefusalCode, type ConnectErrorData } from '@necp/shared';
import type { FatalError } from './connection-slice';

function trpcCode(err: unknown): string | undefined {
  if (!(err instanceof TRPCClientError)) return undefined;
  const data: unknown = err.data;
  if (data && typeof data === 'object' && 'code' in data && typeof data.code === 'string')
    return data.code;
  return undefined;
}

/** No sim process owns the character's zone right now (starting, or taking over): ask again shortly. */
export const isZoneStarting = (err: unknown): boolean => trpcCode(err) === 'SERVICE_UNAVAILABLE';

/** `character.enter` failed (or the ticket refresh before a reconnect). */
export function describeEnterError(err: unknown): FatalError {
  const code = trpcCode(err);
  const message = err instanceof Error ? err.message : String(err);
  switch (code) {
    case 'UNAUTHORIZED':
      return {
        title: 'Signed out',
        message: 'Your session has expired. Sign in again to continue.',
        retry: false,
        signIn: true,
      };
    case 'NOT_FOUND':
    case 'FORBIDDEN':
      return {
        title: 'Character unavailable',
        message: message || 'This character cannot be played.',
        retry: false,
      };
    case 'CONFLICT':
    case 'PRECONDITION_FAILED':
    case 'BAD_REQUEST':
      return { title: 'Cannot enter', message, retry: false };
    case 'SERVICE_UNAVAILABLE':
      return {
        title: 'District starting',
        message: message || 'That district is starting up. Try again in a few seconds.',
        retry: true,
      };
    case 'TOO_MANY_REQUESTS':
      return {
        title: 'Slow down',
        message: message || 'Too many attempts. Wait a moment and try again.',
        retry: true,
      };
    case undefined:
      if (err instanceof TRPCClientError)
        return { title: 'Network error', message: 'Could not reach the game server.', retry: true };
      return {
        title: 'Error',
        message: 'Something went wrong while entering the game.',
        retry: true,
      };
    default:
      return {
        title: 'Server error',
        message: 'The server hit a problem. Try again in a moment.',
        retry: true,
      };
  }
}

/**
 * A push the session cannot go on without (the welcome) did not parse: this page's build
 * and the server's disagree. Trying again brings the same push; a reload brings the page
 * the server speaks to.
 */
export const OUT_OF_DATE: FatalError = {
  title: 'Out of date',
  message: 'This page is out of date with the server: reload.',
  retry: false,
  reload: true,
};

/** `err.data` the sim attaches when its handshake middleware refuses a connection. */
export function connectErrorData(err: Error): ConnectErrorData | null {
  const data: unknown = (err as Error & { data?: unknown }).data;
  if (data && typeof data === 'object' && 'code' in data && typeof data.code === 'string') {
    const message =
      'message' in data && typeof data.message === 'string' ? data.message : err.message;
    // a code this build does not know (a newer sim) reads as INTERNAL
    return { code: isRefusalCode(data.code) ? data.code : 'INTERNAL', message };
  }
  return null;
}

/** The sim refused the connection (bad/expired/reused ticket, not your character, zone not served). */
export function describeConnectError(err: Error, ticketError: unknown): FatalError {
  if (ticketError) return describeEnterError(ticketError);
  const data = connectErrorData(err);
  const message = data?.message || err.message || 'The game server refused the connection.';
  switch (data?.code) {
    case 'NOT_FOUND':
      return { title: 'Character unavailable', message, retry: false };
    case 'INVALID_STATE':
      return { title: 'Zone unavailable', message, retry: true };
    default:
      return { title: 'Connection refused', message, retry: true };
  }
}
