import { describe, expect, it } from 'vitest';
import { PING_LIMIT } from '../session/connect';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

describe('net:ping', () => {
  it('is limited per socket: past the window it acks RATE_LIMITED until the window moves on', async () => {
    const { client } = await sim.join(await createPlayerAt(db));
    for (let i = 0; i < PING_LIMIT.limit; i++)
      expect(await client.ping(i)).toEqual({ ok: true, data: { t: i, server: sim.clock.ms() } });
    expect(await client.ping(99)).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: expect.any(String) },
    });
    // another socket has its own budget
    const other = await sim.join(await createPlayerAt(db));
    expect(await other.client.ping(1)).toMatchObject({ ok: true });

    sim.clock.advance(PING_LIMIT.windowMs);
    expect(await client.ping(7)).toMatchObject({ ok: true, data: { t: 7 } });
    expect(client.socket.connected).toBe(true);
  });
});
