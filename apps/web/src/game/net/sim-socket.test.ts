import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@necp/db/testing';
import type { SimTicket } from '@necp/shared';
import { setServerClockOffset } from '../time/server-clock';
import { connectSim, type SimSocketHandle } from './sim-socket';

// A sim process that died answers nothing: every failed reconnect asks for a ticket,
// and one naming another URL (the zone's new owner) hands the connection over.

/** A port nobody listens on: connecting is refused at once. */
const deadPort = freePort;

const ticket = (simUrl: string, n: number): SimTicket => ({
  ticket: `t${n}`,
  simUrl,
  expiresAt: new Date(Date.now() + 60_000),
});

let handle: SimSocketHandle | undefined;
afterEach(() => {
  handle?.socket.disconnect();
  setServerClockOffset(0);
});

describe('connectSim follows a zone that moved', () => {
  it('a failed reconnect asks for a ticket; one naming another sim moves there, once', async () => {
    const dead = `http://127.0.0.1:${await deadPort()}`;
    const alive = `http://127.0.0.1:${await deadPort()}`;
    let asked = 0;
    const enter = () => Promise.resolve(ticket(++asked < 2 ? dead : alive, asked));
    const moved = await new Promise<SimTicket>((resolve) => {
      handle = connectSim(ticket(dead, 0), enter, resolve);
    });
    expect(moved).toMatchObject({ simUrl: alive });
    // the first answer still named the dead process: it was kept for the next attempt
    expect(asked).toBe(2);
    expect(handle?.socket.io.reconnection()).toBe(false);
  });
});

describe('connectSim reuses its first ticket by the server’s clock', () => {
  /** What the socket's handshake presents next (its `auth` callback, run by hand). */
  const nextAuth = (h: SimSocketHandle) =>
    new Promise<object>((resolve) => (h.socket.auth as (cb: (d: object) => void) => void)(resolve));

  it('presents the first ticket while the server’s clock leaves it more than 5 s', async () => {
    const dead = `http://127.0.0.1:${await deadPort()}`;
    let asked = 0;
    const enter = () => Promise.resolve(ticket(dead, ++asked));
    handle = connectSim(ticket(dead, 0), enter);
    expect(await nextAuth(handle)).toEqual({ ticket: 't0' });
    expect(asked).toBe(0);
  });

  it('asks for a fresh one when the server’s clock is past its margin, whatever the local clock says', async () => {
    const dead = `http://127.0.0.1:${await deadPort()}`;
    let asked = 0;
    const enter = () => Promise.resolve(ticket(dead, ++asked));
    // 60 s left by the local clock, 3 s by the server's (it runs 57 s ahead)
    setServerClockOffset(57_000);
    handle = connectSim(ticket(dead, 0), enter);
    expect(await nextAuth(handle)).toEqual({ ticket: 't1' });
    expect(asked).toBe(1);
  });
});
