/**
 * What the sim acked, read into the shared Ack type: an error always carries a
 * RefusalCode the client can switch on — a code this build does not know (a newer
 * sim) becomes INTERNAL with the server's message kept for the player.
 */
import { isRefusalCode, type Ack, type ClientEvent } from '@necp/shared';
import type { SimSocket } from './sim-socket';

/** how long a command waits for the sim's ack */
export const ACK_TIMEOUT_MS = 5000;

export function readAck<T>(raw: unknown): Ack<T> {
  if (raw && typeof raw === 'object' && 'ok' in raw) {
    if (raw.ok === true) return raw as Ack<T>;
    const error: unknown = 'error' in raw ? raw.error : undefined;
    if (error && typeof error === 'object') {
      const code: unknown = 'code' in error ? error.code : undefined;
      const message: unknown = 'message' in error ? error.message : undefined;
      return {
        ok: false,
        error: {
          code: isRefusalCode(code) ? code : 'INTERNAL',
          message: typeof message === 'string' ? message : 'Something went wrong.',
        },
      };
    }
  }
  return {
    ok: false,
    error: { code: 'INTERNAL', message: 'The server sent an unreadable answer.' },
  };
}

/**
 * A command to the sim and its ack, read: OFFLINE without a connection, TIMEOUT when
 * the sim does not answer in `timeoutMs`. The one way a feature sends a command.
 */
export async function sendCommand<T>(
  socket: SimSocket | null,
  event: ClientEvent,
  payload: object,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<Ack<T>> {
  if (!socket?.connected)
    return {
      ok: false,
      error: { code: 'OFFLINE', message: 'Not connected to the city right now.' },
    };
  try {
    return readAck<T>(await socket.timeout(timeoutMs).emitWithAck(event, payload));
  } catch {
    return {
      ok: false,
      error: { code: 'TIMEOUT', message: 'The server did not answer. Try again.' },
    };
  }
}
