import { describe, expect, it, vi } from 'vitest';
import { zoneById } from '@necp/shared';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';

const db = testDb();
/** vi.waitFor's 1 s default is short for a loaded 2-core CI machine: a failing wait says so later */
const LONG = { timeout: 15_000 };
let sim: TestSim;
// as in production: the ride's depart and attach wait for ticks, so a reconnect can fall in between
simPerTest(db, (s) => (sim = s), { applyCommands: 'in-tick' });

const metro = zoneById('watson')?.spawnPoints.find((p) => p.kind === 'metro_station');
if (!metro) throw new Error('no metro station');
const WATSON_METRO = metro;

/** Where the character is on this process: every zone holding it, and how it is attached. */
function placesOf(characterId: string) {
  return [...sim.server.zones.values()]
    .filter((z) => z.player(characterId))
    .map((z) => ({ zone: z.id, attached: z.player(characterId)?.conn !== null }));
}

/**
 * The metro ride is two commands in two zones' ticks (depart, then attach). A client
 * that drops and reconnects while it is in flight must end in exactly one zone.
 * `reconnectAfter` is how many ticks of the ride pass before the new connection.
 */
async function rideAndReconnect(reconnectAfter: number) {
  const p = await createPlayerAt(db, WATSON_METRO.x + 1, WATSON_METRO.y);
  const first = await sim.stepUntil(sim.join(p));
  const ride = first.client.command('zone:travel', { to: 'westbrook' });
  void ride.catch(() => undefined);
  await first.client.sync(); // the depart waits in Watson's inbox
  sim.step(reconnectAfter);
  first.client.close();
  const again = await sim.stepUntil(sim.join(p));
  // let everything in flight settle: the ride's attach, the old connection's detach
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 10));
    sim.step();
  }
  await again.client.sync();
  return { p, again };
}

/**
 * The narrowest window: Watson applied the depart, Westbrook has not applied the
 * attach yet, and the new connection's handshake lands right then (with or
 * without the old client having dropped first).
 */
async function reconnectBetweenDepartAndArrival(dropFirst: boolean) {
  const p = await createPlayerAt(db, WATSON_METRO.x + 1, WATSON_METRO.y);
  const first = await sim.stepUntil(sim.join(p));
  const westbrook = sim.server.zones.get('westbrook');
  if (!westbrook) throw new Error('westbrook not served');
  const ride = first.client.command('zone:travel', { to: 'westbrook' });
  void ride.catch(() => undefined);
  await first.client.sync();
  if (dropFirst) {
    // the server hears the disconnect: its detach is queued in Watson (session/connect.ts)
    // — waited for, not slept on: 50 ms was not always enough on a loaded CI machine
    const queued = sim.watson.inboxSize;
    first.client.close();
    await vi.waitFor(() => expect(sim.watson.inboxSize).toBe(queued + 1), LONG);
  }
  sim.clock.advance(50);
  sim.watson.step(); // the depart: out of Watson
  await vi.waitFor(() => expect(westbrook.inboxSize).toBe(1), LONG); // the ride's attach waits
  const joining = sim.join(p);
  void joining.catch(() => undefined);
  // the new connection's attach is queued somewhere
  await vi.waitFor(
    () => expect(sim.watson.inboxSize + westbrook.inboxSize).toBeGreaterThan(1),
    LONG,
  );
  const again = await sim.stepUntil(joining);
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 10));
    sim.step();
  }
  await again.client.sync();
  return { p, again };
}

describe('metro ride and reconnect race', () => {
  for (const dropFirst of [true, false]) {
    it(`a new connection between depart and arrival (${dropFirst ? 'after a drop' : 'takeover'}): one zone, attached once`, async () => {
      const { p, again } = await reconnectBetweenDepartAndArrival(dropFirst);
      const places = placesOf(p.characterId);
      expect(places).toEqual([{ zone: expect.any(String), attached: true }]);
      const welcome = again.client.take('zone:welcome').at(-1) ?? again.welcome;
      expect(welcome.zone.id).toBe(places[0]?.zone);
      const moved = again.client.move({ seq: welcome.lastSeq + 1, dx: 1, dy: 0, ms: 50 });
      expect(await sim.stepUntil(moved)).toEqual({ ok: true, data: undefined });
      await vi.waitFor(async () => {
        const row = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
        expect(row.zoneId).toBe(places[0]?.zone);
      }, LONG);
    });
  }

  for (const after of [0, 1, 2]) {
    it(`reconnecting ${after} tick(s) into the ride: one zone, attached once, no duplicate`, async () => {
      const { p, again } = await rideAndReconnect(after);
      const places = placesOf(p.characterId);
      expect(places).toHaveLength(1);
      expect(places[0]?.attached).toBe(true);
      // the new client controls that entity: its move is taken, not refused
      const welcome = again.client.take('zone:welcome').at(-1) ?? again.welcome;
      expect(welcome.zone.id).toBe(places[0]?.zone);
      const moved = again.client.move({ seq: welcome.lastSeq + 1, dx: 1, dy: 0, ms: 50 });
      expect(await sim.stepUntil(moved)).toEqual({ ok: true, data: undefined });
      // saved where it is
      await vi.waitFor(async () => {
        const row = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
        expect(row.zoneId).toBe(places[0]?.zone);
      }, LONG);
    });
  }
});
