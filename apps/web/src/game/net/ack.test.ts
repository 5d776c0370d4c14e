import { describe, expect, it } from 'vitest';
import { readAck } from './ack';

describe('readAck', () => {
  it('keeps a success and a refusal with a known code', () => {
    expect(readAck({ ok: true, data: { t: 1 } })).toEqual({ ok: true, data: { t: 1 } });
    expect(readAck({ ok: false, error: { code: 'COOLDOWN', message: 'Not ready.' } })).toEqual({
      ok: false,
      error: { code: 'COOLDOWN', message: 'Not ready.' },
    });
  });

  it('reads a code this build does not know as INTERNAL, keeping the message', () => {
    expect(readAck({ ok: false, error: { code: 'SOMETHING_NEW', message: 'Later.' } })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Later.' },
    });
  });

  it('reads garbage as an INTERNAL refusal', () => {
    for (const raw of [undefined, null, 'ok', { ok: false }, { ok: false, error: 3 }])
      expect(readAck(raw)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
