import { describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { BAD_PAYLOAD_LIMIT, BAD_PAYLOAD_WINDOW_MS } from '@necp/shared';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';
import type { TestClient } from '../testing/test-client';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

const GARBAGE_MOVES: unknown[] = [
  'hello',
  42,
  null,
  [],
  { seq: 1 },
  { seq: 1.5, dx: 0, dy: 0, ms: 10 },
  { seq: -1, dx: 0, dy: 0, ms: 10 },
  { seq: 1, dx: 1e308, dy: 0, ms: 50 },
  { seq: 1, dx: NaN, dy: 0, ms: 50 }, // NaN travels as null
  { seq: 2 ** 53, dx: 0, dy: 0, ms: 50 },
  { seq: 1, dx: 0, dy: 0, ms: 100_000 },
  { seq: 1, dx: '1', dy: 0, ms: 50 },
];

/** Emits an event outside the typed contract, the way a hostile client would. */
const raw = (c: TestClient) => c.socket as unknown as Socket;

describe('garbage from clients', () => {
  it('acks every invalid payload with VALIDATION and keeps serving the socket', async () => {
    const { client } = await sim.join(await createPlayerAt(db));
    for (const payload of GARBAGE_MOVES) {
      expect(await client.move(payload)).toEqual({
        ok: false,
        error: { code: 'VALIDATION', message: expect.any(String) },
      });
    }
    const badPing = await raw(client).timeout(2000).emitWithAck('net:ping', { t: 'now' });
    expect(badPing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await raw(client).timeout(2000).emitWithAck('admin:giveGold', { amount: 1e9 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    expect(await client.ping(123)).toEqual({ ok: true, data: { t: 123, server: sim.clock.ms() } });
    expect(client.socket.connected).toBe(true);
  });

  it('survives payloads without an ack callback, and valid moves without one still apply', async () => {
    const { client } = await sim.join(await createPlayerAt(db, 100, 100));
    raw(client).emit('zone:move', { nope: true });
    raw(client).emit('zone:move');
    raw(client).emit('net:ping', { t: 1 }); // no ack: nothing to answer, not an error
    raw(client).emit('zone:move', { seq: 1, dx: 1, dy: 0, ms: 50 });
    await client.sync();
    sim.step();
    expect((await client.next('zone:snapshot')).ack).toBe(1);
  });

  it(`disconnects a socket after more than ${BAD_PAYLOAD_LIMIT} bad payloads in the window`, async () => {
    const { client } = await sim.join(await createPlayerAt(db));
    for (let i = 0; i < BAD_PAYLOAD_LIMIT; i++) raw(client).emit('zone:move', i);
    await client.sync();
    expect(client.socket.connected).toBe(true);

    raw(client).emit('zone:move', 'one too many');
    expect(await client.next('session:kicked')).toEqual({
      reason: 'bad_payloads',
      message: expect.any(String),
    });
    expect(await client.next('disconnect')).toBe('io server disconnect');
  });

  it('forgets bad payloads older than the window', async () => {
    const { client } = await sim.join(await createPlayerAt(db));
    for (let i = 0; i < BAD_PAYLOAD_LIMIT; i++) raw(client).emit('zone:move', i);
    await client.sync();
    sim.clock.advance(BAD_PAYLOAD_WINDOW_MS + 1);
    for (let i = 0; i < BAD_PAYLOAD_LIMIT; i++) raw(client).emit('zone:move', i);
    await client.sync();
    expect(client.socket.connected).toBe(true);
    expect(client.pending('session:kicked')).toBe(0);
  });
});
