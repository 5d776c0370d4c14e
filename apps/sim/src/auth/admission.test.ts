import { describe, expect, it } from 'vitest';
import { connectClient, expectRefused } from '../testing/test-client';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';
import { AdmissionGate } from './admission';

const db = testDb();
let sim: TestSim;
/** what the tests say the event loop's lag is */
let lagMs = 0;
simPerTest(db, (s) => (sim = s), { admission: { lagMs: () => lagMs, maxLagMs: 100 } });

describe('admission control (server busy)', () => {
  it('refuses with a typed UNAVAILABLE while the loop is behind, and keeps the ticket usable', async () => {
    const p = await createPlayerAt(db);
    const ticket = await sim.ticket(p.userId, p.characterId);
    lagMs = 500;
    try {
      const r = await expectRefused(sim.server.port, { ticket });
      expect(r).toEqual({
        message: 'server busy',
        data: { code: 'UNAVAILABLE', message: 'The server is busy. Try again in a moment.' },
      });
      expect(sim.watson.player(p.characterId)).toBeUndefined();
    } finally {
      lagMs = 0;
    }
    // refused before the replay guard saw it: the same ticket enters once the loop caught up
    const { client, welcome } = await connectClient(sim.server.port, { ticket });
    try {
      expect(welcome.self.characterId).toBe(p.characterId);
    } finally {
      client.close();
    }
  });

  it('still refuses bad tickets as UNAUTHENTICATED when not busy', async () => {
    const p = await createPlayerAt(db);
    const forged = await sim.ticket(p.userId, p.characterId, {
      secret: 'another-secret-0123456789abcdef',
    });
    expect((await expectRefused(sim.server.port, { ticket: forged })).data.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await expectRefused(sim.server.port, { ticket: 'x.y.z.not-a-jwt' })).data.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('AdmissionGate', () => {
  it('admits up to maxHandshakes at once; each that settles frees its place', () => {
    const gate = new AdmissionGate({ maxHandshakes: 2, lagMs: () => 0 });
    expect(gate.tryEnter()).toBe(true);
    expect(gate.tryEnter()).toBe(true);
    expect(gate.tryEnter()).toBe(false);
    gate.leave();
    expect(gate.tryEnter()).toBe(true);
    expect(gate.handshakesInFlight).toBe(2);
  });

  it('refuses everyone while the lag is above maxLagMs', () => {
    let lag = 150;
    const gate = new AdmissionGate({ maxLagMs: 100, lagMs: () => lag });
    expect(gate.tryEnter()).toBe(false);
    lag = 20;
    expect(gate.tryEnter()).toBe(true);
  });
});
