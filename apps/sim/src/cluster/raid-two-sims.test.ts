/**
 * A raid across two REAL sim processes (apps/sim/src/main.ts as child processes) on
 * one Redis and a PostgreSQL database of their own (docs/instances.md, "Raid entry"):
 * A runs Watson, B no open-world zone. A party of two on A queues for Quantum Reef
 * Siege as it is ("Just our party"), both accept, and B — the least loaded — opens
 * the raid. B admits each member only with its own quantum_sync_token, minted as the
 * web's raid.syncToken does: a ticket alone, another member's token, or a token
 * already used (its id is spent in the shared Redis, whichever process saw it) are
 * refused at the handshake.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@necp/db';
import { mintQuantumSyncToken, systemClock } from '@necp/game';
import { instanceZoneId } from '@necp/shared';
import { eventually } from '../testing/eventually';
import { type SimProcess, type SimProcesses, untilAdmitted } from '../testing/sim-processes';
import { twoSimCluster } from '../testing/two-sim-cluster';
import { connectClient, type TestClient } from '../testing/test-client';
import { TEST_TICKET_SECRET, createPlayerAt } from '../testing/test-sim';

const cluster = twoSimCluster('raid_two_sims');
let db: Db;
let sims: SimProcesses;
let a: SimProcess;
let b: SimProcess;
beforeAll(() => {
  ({ db, sims, a, b } = cluster());
});

type Player = Awaited<ReturnType<typeof createPlayerAt>>;

/** The web's raid.syncToken: the same secret as the sims' tickets. */
const syncToken = async (p: Player) =>
  (
    await mintQuantumSyncToken(
      { db, clock: systemClock, config: { simTicketSecret: TEST_TICKET_SECRET } },
      { characterId: p.characterId },
    )
  ).token;

describe('a raid on another sim process', () => {
  it('a premade party goes in with its sync tokens; tickets alone, foreign and spent tokens are refused', async () => {
    const lead = await createPlayerAt(db, 100, 110, { level: 40 });
    const mate = await createPlayerAt(db, 102, 110, { level: 40 });
    const party = await db.party.create({ data: { leaderId: lead.characterId } });
    await db.partyMember.createMany({
      data: [
        { partyId: party.id, characterId: lead.characterId, joinedAt: new Date(1) },
        { partyId: party.id, characterId: mate.characterId, joinedAt: new Date(2) },
      ],
    });

    const onA: TestClient[] = [];
    for (const p of [lead, mate]) {
      const { client, welcome } = await sims.join(p, a.url);
      expect(welcome.zone.id).toBe('watson');
      await client.next('match:status', 10_000);
      onA.push(client);
    }
    expect(
      await onA[0]!.command('match:queue', {
        queue: 'raid',
        role: 'tank',
        partyRoles: { [mate.characterId]: 'support' },
        premade: true,
      }),
    ).toMatchObject({ ok: true });
    const found = await Promise.all(onA.map((c) => c.next('match:found', 15_000)));
    const matchId = found[0]!.matchId;
    for (const c of onA)
      expect(await c.command('match:answer', { matchId, accept: true })).toMatchObject({
        ok: true,
      });
    for (const c of onA) {
      expect(await c.next('instance:transfer', 15_000)).toEqual({
        direction: 'enter',
        kind: 'raid',
        zoneName: 'Quantum Reef Siege',
      });
      c.close();
    }
    const zoneId = instanceZoneId('raid-quantum-reef', matchId);
    await eventually('B leases the raid', async () =>
      (await sims.leasesOf(b)).includes(zoneId) ? true : undefined,
    );

    // the ticket names B; B wants the raid token with it
    const port = Number(new URL(b.url).port);
    const leadTicket = await sims.enter(lead);
    expect(leadTicket.simUrl).toBe(b.url);
    // (every attempt with a fresh ticket: a ticket is spent by any handshake)
    const fresh = async () => (await sims.enter(lead)).ticket;
    expect((await sims.refusal(port, async () => ({ ticket: await fresh() }))).data).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Entering a raid needs your group’s sync token. Please re-enter the game.',
    });
    // the mate's token is not the leader's
    const mateToken = await syncToken(mate);
    expect(
      (
        await sims.refusal(port, async () => ({
          ticket: await fresh(),
          quantumSyncToken: mateToken,
        }))
      ).data,
    ).toEqual({ code: 'FORBIDDEN', message: 'This sync token is for another character.' });

    // each with its own token: both on the raid's dock, on B
    const leadToken = await syncToken(lead);
    const inRaid: TestClient[] = [];
    for (const [p, token] of [
      [lead, leadToken],
      [mate, mateToken],
    ] as const) {
      const { client, welcome } = await untilAdmitted(async () =>
        connectClient(port, { ticket: (await sims.enter(p)).ticket, quantumSyncToken: token }),
      );
      expect(welcome.zone.id).toBe(zoneId);
      inRaid.push(client);
    }

    // a spent token stays spent (its id is kept in the shared Redis): a new ticket with
    // the leader's used token is refused
    inRaid[0]!.close();
    expect(
      (
        await sims.refusal(port, async () => ({
          ticket: await fresh(),
          quantumSyncToken: leadToken,
        }))
      ).data.code,
    ).toBe('UNAUTHENTICATED');
    // a fresh one lets the leader back in
    const back = await untilAdmitted(async () =>
      connectClient(port, { ticket: await fresh(), quantumSyncToken: await syncToken(lead) }),
    );
    expect(back.welcome.zone.id).toBe(zoneId);
    back.client.close();
    inRaid[1]!.close();
  }, 90_000);
});
