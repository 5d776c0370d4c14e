// Leaving instances early without instance:leave, and leaving an arena (docs/
// instances.md "Leaving and backfill"), on one process (memory queues, fake clock, real
// PostgreSQL, real sockets): a dungeon member who drops and does not come back, or who
// never arrives, counts as having left (penalised, a backfill looked for); the last one
// out closes the dungeon. In the arena, leaving hands the fight to the other side.
// instance:leave in a dungeon, and backfill: dungeon-backfill.test.ts.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { INSTANCE_EMPTY_CLOSE_MS, RECONNECT_GRACE_MS, TICK_MS, instanceZoneId } from '@necp/shared';
import { dungeonKit, type DungeonPlayer as P } from '../testing/dungeon-kit';
import { dropped, wait } from '../testing/instance-kit';
import { testDb } from '../testing/test-db';
import { simPerTest } from '../testing/sim-per-test';
import type { TestSim } from '../testing/test-sim';
import { DUNGEON_ARRIVAL_MS } from './dungeon-group';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));
const { inWatson, nextWith, row, found, enter, dungeonGroup, backfillTickets } = dungeonKit(
  db,
  () => sim,
);

describe('leaving a dungeon early, and backfill', () => {
  it('a member who drops and does not come back counts as having left; the last one out closes it', async () => {
    const { matchId, zoneId, inside, zone } = await dungeonGroup();
    const [tank, sup, d1] = inside as [P, P, P, P, P];
    // the support drops; within the window nothing happens
    sup.client.close();
    await dropped(sim, zone, sup.characterId);
    sim.step(RECONNECT_GRACE_MS / TICK_MS - 5);
    expect(await row(sup.characterId)).toMatchObject({ instanceId: zoneId });
    sim.step(10);
    expect(zone.player(sup.characterId)).toBeUndefined();
    expect(await nextWith(tank.client, 'instance:roster', () => true)).toEqual({
      matchId,
      event: 'left',
      characterId: sup.characterId,
      name: sup.name,
      role: 'support',
      searching: true,
    });
    expect(await row(sup.characterId)).toEqual({ zoneId: 'watson', instanceId: null });
    expect(
      await db.queuePenalty.findUnique({ where: { characterId: sup.characterId } }),
    ).toMatchObject({ count: 1 });
    expect((await backfillTickets()).map((t) => t.backfill?.role)).toEqual(['support']);
    // it is free in matchmaking (penalised): its reconnect lands in Watson
    const { client, welcome } = await sim.join(sup);
    expect(welcome.zone.id).toBe('watson');
    expect(await client.command('match:status', {})).toMatchObject({
      ok: true,
      data: { status: { state: 'idle' }, penaltyMs: expect.any(Number) },
    });
    expect(sim.server.instances.groupOf(zoneId)?.openBackfills).toBe(1);

    // everyone else leaves: the instance closes empty; the backfill ticket goes with it
    for (const p of inside.filter((x) => x !== sup))
      expect(await p.client.command('instance:leave', {})).toMatchObject({ ok: true });
    void d1;
    // housekeeping sees it empty, then INSTANCE_EMPTY_CLOSE_MS later it closes
    await wait(400);
    sim.clock.advance(INSTANCE_EMPTY_CLOSE_MS);
    await vi.waitFor(() => expect(sim.server.zones.has(zoneId)).toBe(false), { timeout: 20_000 });
    expect(await db.instance.findUnique({ where: { id: zoneId } })).toMatchObject({
      state: 'closed',
      closeReason: 'empty',
    });
    // the zone leaves the map before the close releases the match and withdraws the tickets
    await vi.waitFor(async () => expect(await backfillTickets()).toEqual([]), {
      timeout: 10_000,
      interval: 50,
    });
  });

  it('a member who never arrives counts as having left once the arrival time is over', async () => {
    const a = await inWatson(100, 110);
    const b = await inWatson(104, 110);
    const matchId = randomUUID();
    expect(
      await sim.server.instances.open({
        matchId,
        queue: 'dungeon',
        kind: 'dungeon',
        bracket: null,
        teams: [[a.characterId, b.characterId]],
        roles: { [a.characterId]: 'tank', [b.characterId]: 'support' },
      }),
    ).toBe(true);
    const zoneId = instanceZoneId('dungeon-arasaka-vault', matchId);
    // a goes in; b never reconnects
    const [a2] = await enter(zoneId, [a]);
    sim.step(DUNGEON_ARRIVAL_MS / TICK_MS - 5);
    expect(await row(b.characterId)).toMatchObject({ instanceId: zoneId });
    sim.step(10);
    expect(await a2!.client.next('instance:roster')).toMatchObject({
      event: 'left',
      characterId: b.characterId,
      role: 'support',
      searching: true,
    });
    expect(await row(b.characterId)).toEqual({ zoneId: 'watson', instanceId: null });
    expect(
      await db.queuePenalty.findUnique({ where: { characterId: b.characterId } }),
    ).toMatchObject({ count: 1 });
    expect(sim.server.instances.groupOf(zoneId)?.openBackfills).toBe(1);
    expect(sim.server.instances.groupOf(zoneId)?.members()).toEqual([a.characterId]);
  });

  it('leaving an arena hands the fight to the other side; the leaver is penalised at the end', async () => {
    const a = await inWatson(100, 110);
    const b = await inWatson(120, 110);
    for (const p of [a, b])
      expect(
        await p.client.command('match:queue', { queue: 'arena', bracket: '1v1' }),
      ).toMatchObject({ ok: true });
    const matchId = await found([a, b]);
    for (const p of [a, b]) await p.client.command('match:answer', { matchId, accept: true });
    const zoneId = instanceZoneId('arena-neon-pit', matchId);
    const [, b2] = await enter(zoneId, [a, b]);
    sim.step(1 + 5_000 / TICK_MS + 2);
    const rules = sim.server.instances.arenaOf(zoneId)!;
    expect(rules.phase).toBe('fighting');
    expect(await b2!.client.command('instance:leave', {})).toEqual({
      ok: true,
      data: { zoneName: 'Watson', penaltyMs: null },
    });
    expect(await b2!.client.next('instance:transfer')).toMatchObject({ reason: 'left' });
    sim.step(1);
    expect(rules.outcome).toMatchObject({ by: 'forfeit' });
    const winner = rules.teams.findIndex((t) => t.includes(a.characterId));
    expect(rules.outcome?.winner).toBe(winner);
    await vi.waitFor(
      async () =>
        expect(
          await db.queuePenalty.findUnique({ where: { characterId: b.characterId } }),
        ).not.toBeNull(),
      { timeout: 20_000 },
    );
    expect(
      await db.queuePenalty.findUnique({ where: { characterId: b.characterId } }),
    ).toMatchObject({ count: 1 });
    expect(await row(b.characterId)).toEqual({ zoneId: 'watson', instanceId: null });
  });
});
