import { describe, expect, it, vi } from 'vitest';
import { DomainError, FakeClock, createLog } from '@necp/game';
import { BadPayloadGuard } from '../net/bad-payload-guard';
import type { Session } from '../session/sessions';
import { parsePayload, safely, type HandlerContext } from './context';
import { PingSchema } from '@necp/shared';

function ctx(): HandlerContext & { kicked: unknown[] } {
  const clock = new FakeClock();
  const kicked: unknown[] = [];
  const socket = { emit: (_e: string, msg: unknown) => kicked.push(msg), disconnect: vi.fn() };
  const session = {
    userId: 'u',
    guard: new BadPayloadGuard(clock, 2, 1000),
    socket,
  } as unknown as Session;
  return { session, clock, log: createLog('t', 'silent'), kicked };
}

describe('safely', () => {
  it('turns a thrown error into an INTERNAL ack instead of escaping', () => {
    const ack = vi.fn();
    const listener = safely(ctx(), (_input: unknown, _ack?: unknown) => {
      throw new Error('boom');
    });
    expect(() => listener({}, ack)).not.toThrow();
    expect(ack).toHaveBeenCalledWith({
      ok: false,
      error: { code: 'INTERNAL', message: expect.any(String) },
    });
  });

  it('passes a DomainError through with its code and player message', () => {
    const ack = vi.fn();
    safely(ctx(), (_input: unknown, _ack?: unknown) => {
      throw new DomainError('CONFLICT', 'internal detail', 'Shown to the player.');
    })({}, ack);
    expect(ack).toHaveBeenCalledWith({
      ok: false,
      error: { code: 'CONFLICT', message: 'Shown to the player.' },
    });
  });

  it('survives a client that sent no ack, or a non-function in its place', () => {
    const listener = safely(ctx(), (_input: unknown, _ack?: unknown) => {
      throw new Error('boom');
    });
    expect(() => listener({})).not.toThrow();
    expect(() => listener({}, 'not a function')).not.toThrow();
  });
});

describe('parsePayload', () => {
  it('kicks once the bad payload limit is exceeded within the window', () => {
    const c = ctx();
    expect(parsePayload(c, PingSchema, { t: 5 }, undefined)).toEqual({ t: 5 });
    parsePayload(c, PingSchema, 'x', undefined);
    parsePayload(c, PingSchema, 'x', undefined);
    expect(c.kicked).toEqual([]);
    parsePayload(c, PingSchema, 'x', undefined);
    expect(c.kicked).toEqual([{ reason: 'bad_payloads', message: expect.any(String) }]);
  });
});
