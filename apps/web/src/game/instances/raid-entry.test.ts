import { describe, expect, it } from 'vitest';
import type { SimTicket } from '@necp/shared';
import { handshakeAuth, withRaidToken } from './raid-entry';

const ticket = (raid?: boolean): SimTicket => ({
  ticket: 'ticket.abc.def',
  simUrl: 'http://sim:3001',
  expiresAt: new Date(Date.now() + 60_000),
  ...(raid === undefined ? {} : { raid }),
});

describe('entering a raid', () => {
  it('fetches the quantum_sync_token only when the ticket says raid, on every enter', async () => {
    let asked = 0;
    const sync = () => Promise.resolve({ token: `qst.${++asked}.sig` });
    // one ticket object: two calls of ticket() may land in different milliseconds
    const plain = ticket();
    expect(await withRaidToken(() => Promise.resolve(plain), sync)()).toEqual(plain);
    expect(asked).toBe(0);
    const enter = withRaidToken(() => Promise.resolve(ticket(true)), sync);
    expect((await enter()).quantumSyncToken).toBe('qst.1.sig');
    // a reconnect enters again: a fresh token (each is used once)
    expect((await enter()).quantumSyncToken).toBe('qst.2.sig');
  });

  it('without a token (the raid closed meanwhile) the ticket goes as it is', async () => {
    const enter = withRaidToken(
      () => Promise.resolve(ticket(true)),
      () => Promise.reject(new Error('FORBIDDEN')),
    );
    const t = await enter();
    expect(t.quantumSyncToken).toBeUndefined();
    expect(handshakeAuth(t)).toEqual({ ticket: 'ticket.abc.def' });
    expect(handshakeAuth({ ...t, quantumSyncToken: 'qst.1.sig' })).toEqual({
      ticket: 'ticket.abc.def',
      quantumSyncToken: 'qst.1.sig',
    });
  });

  it('a failed ticket fails the enter (the caller explains it)', async () => {
    const enter = withRaidToken(
      () => Promise.reject(new Error('UNAUTHORIZED')),
      () => Promise.resolve({ token: 'never' }),
    );
    await expect(enter()).rejects.toThrow('UNAUTHORIZED');
  });
});
