import { describe, expect, it } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { refusal, toFormError } from './errors';

/** An error as the tRPC client builds it from the server's JSON answer. */
const fromServer = (code: string, httpStatus: number, message: string) =>
  TRPCClientError.from({
    error: { message, code: -32000, data: { code, httpStatus, path: 'inventory.move' } },
  });

describe('what the game shows for a refused call', () => {
  it('the per-account limit’s message, as the server wrote it (the inventory shows it as a toast)', () => {
    const err = fromServer(
      'TOO_MANY_REQUESTS',
      429,
      'Too many actions in a short time. Wait 2 s and try again.',
    );
    expect(toFormError(err)).toEqual({
      fields: {},
      message: 'Too many actions in a short time. Wait 2 s and try again.',
    });
  });

  it('no payload means the server was not reached; anything else is a generic retry', () => {
    expect(toFormError(new TRPCClientError('fetch failed')).message).toBe(
      'Could not reach the server. Check your connection and try again.',
    );
    expect(toFormError(new Error('boom')).message).toBe('Something went wrong. Please try again.');
  });

  it('a refusal is one line: the message, else the first field error (a toast has no fields)', () => {
    expect(refusal(fromServer('BAD_REQUEST', 400, 'Your bags are full.'))).toBe(
      'Your bags are full.',
    );
    const invalid = TRPCClientError.from({
      error: {
        message: 'Invalid input',
        code: -32600,
        data: {
          code: 'BAD_REQUEST',
          httpStatus: 400,
          zodError: { fieldErrors: { name: ['Names are 3 to 16 letters.'] } },
        },
      },
    });
    expect(refusal(invalid)).toBe('Names are 3 to 16 letters.');
  });
});
