/**
 * What the sim acked, read into the shared Ack type: an error always carries a
 * RefusalCode the client can switch on — a code this build does not know (a newer
 * sim) becomes INTERNAL with the server's message kept for the player.
 */
import { isRefusalCode, type Ack } from '@necp/shared';

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
