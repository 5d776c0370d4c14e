// A raid instance (Quantum Reef Siege) on one process: its sim admits a member
// only with that member's quantum_sync_token — missing, forged, expired, replayed,
// another member's and another raid's tokens are refused at the handshake — and
// the whole group of 10 arrives on the dock, each at a spawn point of its own.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { QUANTUM_SYNC_TOKEN_TTL_SECONDS, instanceZoneId } from '@necp/shared';
import { FakeClock, mintQuantumSyncToken } from '@necp/game';
import { connectClient, expectRefused, type TestClient } from '../testing/test-client';
import { testDb } from '../testing/test-db';
import { simPerTest } from '../testing/sim-per-test';
import { createPlayerAt, type TestSim } from '../testing/test-sim';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

type Player = Awaited<ReturnType<typeof createPlayerAt>>;

/** Ten players in Watson and their raid's instance, opened here as a confirmed match would. */
async function openRaid(size = 10) {
  const players: Player[] = [];
  for (let i = 0; i < size; i++) players.push(await createPlayerAt(db, 100 + i, 100));
  const matchId = randomUUID();
  const opened = await sim.server.instances.open({
    matchId,
    queue: 'raid',
    kind: 'raid',
    bracket: null,
    teams: [players.map((p) => p.characterId)],
  });
  expect(opened).toBe(true);
  return { players, matchId, zoneId: instanceZoneId('raid-quantum-reef', matchId) };
}

const token = async (p: Player, clock = sim.deps.clock) =>
  (await mintQuantumSyncToken({ ...sim.deps, clock }, { characterId: p.characterId })).token;

/** The handshake's auth: a fresh sim ticket, and the raid token when given. */
const auth = async (p: Player, quantumSyncToken?: string) => ({
  ticket: await sim.ticket(p.userId, p.characterId),
  ...(quantumSyncToken === undefined ? {} : { quantumSyncToken }),
});

describe('a raid instance', () => {
  it('admits each member of the group with its own token, on the dock', async () => {
    const { players, zoneId } = await openRaid();
    const zone = sim.server.zones.get(zoneId)!;
    expect(zone).toBeDefined();
    expect(zone.info.name).toBe('Quantum Reef Siege');
    const clients: TestClient[] = [];
    const spots = new Set<string>();
    try {
      for (const p of players) {
        const { client, welcome } = await connectClient(
          sim.server.port,
          await auth(p, await token(p)),
        );
        clients.push(client);
        expect(welcome.zone.id).toBe(zoneId);
        const at = zone.player(p.characterId)!;
        expect(at.x).toBeLessThan(26); // on the dock, west of the first bulkhead
        spots.add(`${at.x},${at.y}`);
      }
      expect(spots.size).toBe(10);
      expect(zone.playerCount).toBe(10);
    } finally {
      for (const c of clients) c.close();
    }
  });

  it('refuses a missing, forged, expired, replayed, another member’s or another raid’s token', async () => {
    const { players, zoneId } = await openRaid(3);
    const [a, b] = [players[0]!, players[1]!];

    // none: the client fetches one and comes back (UNAUTHENTICATED: mint again)
    expect((await expectRefused(sim.server.port, await auth(a))).data).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Entering a raid needs your group’s sync token. Please re-enter the game.',
    });
    // forged: a's real token with its signature swapped for another one's
    const real = await token(a);
    const [head, body] = real.split('.');
    const otherSig = (await token(b)).split('.')[2];
    expect(
      (await expectRefused(sim.server.port, await auth(a, `${head}.${body}.${otherSig}`))).data,
    ).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Invalid raid sync token.',
    });
    // a sim ticket is no raid token
    const ticketAsToken = await sim.ticket(a.userId, a.characterId);
    expect((await expectRefused(sim.server.port, await auth(a, ticketAsToken))).data.code).toBe(
      'UNAUTHENTICATED',
    );
    // expired: minted more than its lifetime ago
    const past = new FakeClock(sim.clock.ms() - (QUANTUM_SYNC_TOKEN_TTL_SECONDS + 1) * 1000);
    expect(
      (await expectRefused(sim.server.port, await auth(a, await token(a, past)))).data,
    ).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Your raid sync token expired. Please re-enter the game.',
    });
    // b's token for a
    expect((await expectRefused(sim.server.port, await auth(a, await token(b)))).data).toEqual({
      code: 'FORBIDDEN',
      message: 'This sync token is for another character.',
    });
    // another raid's member (in its own raid) presents its token for this one: its
    // ticket leads to its own raid; a token of this raid's group does not fit there either
    const other = await openRaid(2);
    const stranger = other.players[0]!;
    expect(
      (await expectRefused(sim.server.port, await auth(stranger, await token(a)))).data,
    ).toEqual({ code: 'FORBIDDEN', message: 'This sync token is for another raid.' });

    // none of that let anyone in, or burnt a's real token: it admits a once
    expect(sim.server.zones.get(zoneId)!.playerCount).toBe(0);
    const first = await connectClient(sim.server.port, await auth(a, real));
    expect(first.welcome.zone.id).toBe(zoneId);
    first.client.close();
    // replayed (a reconnect with the same token): refused
    expect((await expectRefused(sim.server.port, await auth(a, real))).data).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'This raid sync token was already used. Please re-enter the game.',
    });
    // a fresh one works again
    const again = await connectClient(sim.server.port, await auth(a, await token(a)));
    expect(again.welcome.zone.id).toBe(zoneId);
    again.client.close();
  });

  it('the open world needs none (arenas neither: arena-instance.test.ts)', async () => {
    const p = await createPlayerAt(db, 120, 120);
    const { client, welcome } = await sim.join(p);
    expect(welcome.zone.id).toBe('watson');
    client.close();
  });
});
