/**
 * An arena instance across two REAL sim processes (apps/sim/src/main.ts as child
 * processes) on one Redis and a PostgreSQL database of their own
 * (docs/instances.md): A runs Watson, B no open-world zone (SIM_ZONES=none). Two
 * players on A queue 1v1 and accept; the least loaded process — B, with nobody on
 * it — opens the instance, and the players, reconnecting with fresh tickets looked
 * up as the web does, land in it on B. Then B is killed with SIGKILL mid-match:
 * once its lease lapses the next tickets name A, the players are back in Watson
 * where they stood, the instance is closed `host_lost`, nothing of theirs changed
 * (the ledger balanced) and they may queue again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@necp/db';
import { checkInvariants, grantItem } from '@necp/game';
import { instanceZoneId, toCm } from '@necp/shared';
import { eventually } from '../testing/eventually';
import { type SimProcess, type SimProcesses } from '../testing/sim-processes';
import type { TestClient } from '../testing/test-client';
import { createPlayerAt } from '../testing/test-sim';
import { twoSimCluster } from '../testing/two-sim-cluster';

const ONE_V_ONE = { queue: 'arena', bracket: '1v1' } as const;
const cluster = twoSimCluster('instances_two_sims');
let db: Db;
let sims: SimProcesses;
let a: SimProcess;
let b: SimProcess;
beforeAll(() => {
  ({ db, sims, a, b } = cluster());
});

type Player = Awaited<ReturnType<typeof createPlayerAt>>;

/** A character's row as the test compares it (its return point, instance and purse). */
const rowOf = (characterId: string) =>
  db.character.findUniqueOrThrow({
    where: { id: characterId },
    select: { zoneId: true, x: true, y: true, instanceId: true, eddies: true, level: true },
  });

/** A character's items, without updatedAt. */
const itemsOf = (characterId: string) =>
  db.item.findMany({
    where: { characterId },
    select: { id: true, templateId: true, quantity: true, container: true, slot: true },
    orderBy: { id: 'asc' },
  });

/** Who a sim is (its zone-lease owner id, as the Instance row's hostId names it). */
async function ownerIdOf(sim: SimProcess): Promise<string> {
  return (await sims.metricsOf<{ cluster: { ownerId: string } }>(sim)).cluster.ownerId;
}

/** What the player's matchmaking state is now (asked over its socket). */
async function queueState(client: TestClient): Promise<string | undefined> {
  const res = await client.command('match:status', {});
  return res.ok ? res.data.status.state : undefined;
}

describe('an arena instance on another sim process', () => {
  it('opens on the least loaded process; kill -9 of it sends the players back to their return points, nothing lost', async () => {
    const players: Player[] = [
      await createPlayerAt(db, 100, 110),
      await createPlayerAt(db, 300, 310),
    ];
    // something to lose: an item each (through the ledger)
    for (const p of players)
      await grantItem(
        { db },
        {
          characterId: p.characterId,
          templateId: 'rifle_copperhead',
          quantity: 1,
          reason: 'admin',
        },
      );
    const rowsBefore = await Promise.all(players.map((p) => rowOf(p.characterId)));
    const itemsBefore = await Promise.all(players.map((p) => itemsOf(p.characterId)));

    // into Watson on A, then both queue 1v1 (a matcher — A's or B's, every second — pairs them)
    const onA: TestClient[] = [];
    for (const p of players) {
      const { client, welcome } = await sims.join(p, a.url);
      expect(welcome.zone.id).toBe('watson');
      await client.next('match:status', 10_000);
      onA.push(client);
    }
    for (const c of onA)
      expect(await c.command('match:queue', ONE_V_ONE)).toMatchObject({ ok: true });
    const found = await Promise.all(onA.map((c) => c.next('match:found', 15_000)));
    const matchId = found[0]!.matchId;
    expect(found[1]!.matchId).toBe(matchId);
    for (const c of onA)
      expect(await c.command('match:answer', { matchId, accept: true })).toMatchObject({
        ok: true,
      });

    // B (nobody on it) runs the instance: A takes the players out of Watson and sends them
    const zoneId = instanceZoneId('arena-neon-pit', matchId);
    for (const c of onA) {
      expect(await c.next('instance:transfer', 15_000)).toEqual({
        direction: 'enter',
        kind: 'arena',
        zoneName: 'Neon Pit Arena',
      });
      c.close();
    }
    expect(await db.instance.findUnique({ where: { id: zoneId } })).toMatchObject({
      matchId,
      state: 'open',
      hostId: await ownerIdOf(b),
    });
    expect(await sims.leasesOf(b)).toEqual([zoneId]);
    // their rows keep Watson and where they stood: the return point
    for (const [i, p] of players.entries())
      expect(await rowOf(p.characterId)).toEqual({ ...rowsBefore[i]!, instanceId: zoneId });

    // a new ticket, looked up as the web does, names B: they arrive in the arena
    const onB: TestClient[] = [];
    for (const p of players) {
      const { client, welcome } = await sims.join(p, b.url);
      expect(welcome.zone.id).toBe(zoneId);
      onB.push(client);
    }
    // the match runs there (both arrived: the gates' countdown)
    const state = await onB[0]!.next('arena:state', 10_000);
    expect(state).toMatchObject({ matchId, bracket: '1v1' });

    // B dies mid-match: nothing of it is written anywhere, its leases lapse
    b.proc.kill('SIGKILL');
    const killedAt = Date.now();
    for (const c of onB) await c.next('disconnect', 10_000);
    // like the web client: every failed reconnect asks for a ticket until one names a live process
    for (const p of players)
      await eventually('the ticket names A again', async () =>
        (await sims.enter(p)).simUrl === a.url ? true : undefined,
      );
    console.info(
      `instance host lost after kill -9: tickets name A after ${Date.now() - killedAt} ms`,
    );

    // back in Watson on A, each where it stood
    const back: TestClient[] = [];
    for (const [i, p] of players.entries()) {
      const { client, welcome } = await sims.join(p, a.url);
      expect(welcome.zone.id).toBe('watson');
      expect(welcome.self).toMatchObject({ x: toCm(rowsBefore[i]!.x), y: toCm(rowsBefore[i]!.y) });
      back.push(client);
    }
    // A settles the lost instance: closed for everyone, the match released
    const closed = await eventually('the instance is closed', async () => {
      const row = await db.instance.findUnique({ where: { id: zoneId } });
      return row?.state === 'closed' ? row : undefined;
    });
    expect(closed).toMatchObject({ closeReason: 'host_lost' });
    expect(closed.closedAt).not.toBeNull();
    for (const [i, p] of players.entries()) {
      expect(await rowOf(p.characterId)).toEqual({ ...rowsBefore[i]!, instanceId: null });
      expect(await itemsOf(p.characterId)).toEqual(itemsBefore[i]);
    }
    expect(await checkInvariants(db)).toEqual([]);

    // free to queue again
    for (const c of back) {
      await eventually('the match is released', async () =>
        (await queueState(c)) === 'idle' ? true : undefined,
      );
      expect(await c.command('match:queue', ONE_V_ONE)).toMatchObject({ ok: true });
    }
  }, 90_000);
});
