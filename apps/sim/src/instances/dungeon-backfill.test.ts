// Leaving a dungeon early with instance:leave, and its backfill (docs/instances.md
// "Leaving and backfill"), on one process (memory queues, fake clock, real PostgreSQL,
// real sockets): five solos queue for the dungeon, accept and go in. One leaves with
// instance:leave before the boss: sent back to Watson, penalised like a decliner, and
// the group gets a backfill ticket for their role — a damage solo who declines is
// penalised (the ticket stays), the next one accepts and is pulled in at the entrance
// while the others hear left / found / joined. After the clear, leaving is free and
// nobody is looked for (a backfill in its ready check then is not taken); at the close
// the backfilled solo is free to queue again. Drops, no-shows and the arena:
// instance-leave.test.ts.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { DUNGEON_CLOSE_AFTER_CLEAR_MS, instanceZoneId } from '@necp/shared';
import { partyOf } from '@necp/game';
import { dungeonKit, type DungeonPlayer as P } from '../testing/dungeon-kit';
import { testDb } from '../testing/test-db';
import { simPerTest } from '../testing/sim-per-test';
import type { TestSim } from '../testing/test-sim';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));
const {
  inWatson,
  nextWith,
  row,
  queueAs,
  found,
  lastFound,
  enter,
  dungeonGroup,
  killBoss,
  backfillTickets,
} = dungeonKit(db, () => sim);

describe('leaving a dungeon early, and backfill', () => {
  it('instance:leave before the boss: penalty, a backfill of the role, a decliner penalised, a replacement pulled in', async () => {
    const { matchId, zoneId, inside, zone } = await dungeonGroup();
    const [tank, sup, d1, d2, d3] = inside as [P, P, P, P, P];
    const outsider = await inWatson(200, 200);
    // five strangers play as one party: led by the tank, need/greed, told on arrival
    const party = await partyOf({ db }, tank.characterId);
    expect(party).toMatchObject({ leaderId: tank.characterId, lootMode: 'need_greed' });
    expect(party!.members.map((m) => m.id).sort()).toEqual(inside.map((p) => p.characterId).sort());
    expect((await nextWith(d1.client, 'party:update', (m) => m.party !== null)).party?.id).toBe(
      party!.id,
    );

    // refused: a bad payload, and someone in no instance
    expect(await d3.client.command('instance:leave', { now: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await outsider.client.command('instance:leave', {})).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'You are not in an instance.' },
    });

    // d3 leaves: back to Watson with a penalty, out of the match
    expect(await d3.client.command('instance:leave', {})).toEqual({
      ok: true,
      data: { zoneName: 'Watson', penaltyMs: 60_000 },
    });
    expect(await d3.client.next('instance:transfer')).toEqual({
      direction: 'leave',
      kind: 'dungeon',
      zoneName: 'Watson',
      reason: 'left',
    });
    expect(zone.player(d3.characterId)).toBeUndefined();
    expect(await row(d3.characterId)).toEqual({ zoneId: 'watson', instanceId: null });
    // out of the group's party too (its place is for the replacement)
    expect(await partyOf({ db }, d3.characterId)).toBeNull();
    expect((await partyOf({ db }, tank.characterId))!.members).toHaveLength(4);
    expect(
      await db.queuePenalty.findUnique({ where: { characterId: d3.characterId } }),
    ).toMatchObject({ count: 1 });
    const released = await nextWith(d3.client, 'match:status', (m) => m.reason === 'released');
    expect(released).toMatchObject({
      status: { state: 'idle' },
      penaltyMs: 60_000,
      message: 'You left the dungeon before its boss fell: you can queue again in 1 min.',
    });
    // a second leave from the old socket: not in an instance any more
    expect(await d3.client.command('instance:leave', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    // the others hear it; a damage replacement is looked for
    for (const p of [tank, sup, d1, d2])
      expect(await p.client.next('instance:roster')).toEqual({
        matchId,
        event: 'left',
        characterId: d3.characterId,
        name: d3.name,
        role: 'damage',
        searching: true,
      });
    const [slot] = await backfillTickets();
    expect(slot).toMatchObject({ members: [], backfill: { instanceId: zoneId, role: 'damage' } });

    // back in Watson, barred from queueing
    d3.client.close();
    const { client: d3back, welcome } = await sim.join(d3);
    expect(welcome.zone.id).toBe('watson');
    expect(await d3back.command('match:queue', { queue: 'dungeon', role: 'damage' })).toMatchObject(
      {
        ok: false,
        error: { code: 'RATE_LIMITED' },
      },
    );

    // a tank solo does not fit the slot; a damage solo does, and declines
    const t2 = await inWatson(220, 220);
    const e = await inWatson(230, 230);
    expect(await queueAs(t2, 'tank')).toMatchObject({ ok: true });
    expect(await queueAs(e, 'damage')).toMatchObject({ ok: true });
    const offer = await found([e]);
    // the popup can say it is a group in progress
    expect(lastFound()?.backfill).toBe(true);
    expect(await e.client.command('match:answer', { matchId: offer, accept: false })).toEqual({
      ok: true,
      data: { state: 'dissolved' },
    });
    expect(
      await db.queuePenalty.findUnique({ where: { characterId: e.characterId } }),
    ).toMatchObject({ count: 1 });
    // the backfill ticket is back, with its time
    expect(await backfillTickets()).toEqual([slot]);

    // the next damage solo accepts: pulled in at the entrance
    const f = await inWatson(240, 240);
    expect(await queueAs(f, 'damage')).toMatchObject({ ok: true });
    const fill = await found([f]);
    expect(await f.client.command('match:answer', { matchId: fill, accept: true })).toMatchObject({
      ok: true,
      data: { state: 'confirmed' },
    });
    const [f2] = await enter(zoneId, [f]);
    expect(zone.player(f.characterId)!.x).toBeLessThan(20);
    expect(await row(f.characterId)).toEqual({ zoneId: 'watson', instanceId: zoneId });
    expect(
      await db.matchParticipant.findUnique({
        where: { matchId_characterId: { matchId, characterId: f.characterId } },
      }),
    ).toMatchObject({ team: 0 });
    expect(await backfillTickets()).toEqual([]);
    // the tank solo is still waiting in the queue
    expect(await t2.client.command('match:status', {})).toMatchObject({
      ok: true,
      data: { status: { state: 'queued' } },
    });
    sim.step(1);
    for (const p of [tank, sup, d1, d2]) {
      expect(await p.client.next('instance:roster')).toMatchObject({
        event: 'found',
        characterId: f.characterId,
        name: f.name,
        role: 'damage',
      });
      expect(await p.client.next('instance:roster')).toMatchObject({
        event: 'joined',
        characterId: f.characterId,
      });
    }
    // the replacement is in the group's party
    expect((await partyOf({ db }, f.characterId))?.id).toBe(party!.id);
    expect((await partyOf({ db }, tank.characterId))!.members).toHaveLength(5);

    // the boss falls: leaving after it is free, and nobody is looked for
    await killBoss(zone, tank);
    expect(sim.server.instances.clearRulesOf(zoneId)?.cleared).not.toBeNull();
    expect(await d2.client.command('instance:leave', {})).toEqual({
      ok: true,
      data: { zoneName: 'Watson', penaltyMs: null },
    });
    expect(await db.queuePenalty.findUnique({ where: { characterId: d2.characterId } })).toBeNull();
    expect(await nextWith(sup.client, 'instance:roster', (m) => m.event === 'left')).toMatchObject({
      characterId: d2.characterId,
      searching: false,
    });
    expect(await backfillTickets()).toEqual([]);

    // the close: the backfilled solo's own match is released too
    sim.clock.advance(DUNGEON_CLOSE_AFTER_CLEAR_MS);
    expect(await f2!.client.next('instance:transfer', 2_000)).toMatchObject({ reason: 'finished' });
    await nextWith(f2!.client, 'match:status', (m) => m.reason === 'released');
    expect(await f2!.client.command('match:status', {})).toMatchObject({
      ok: true,
      data: { status: { state: 'idle' } },
    });
  });

  it('after the clear, a backfill in a ready check is not taken: a decline puts it back and it is withdrawn, an accept is released', async () => {
    const [a, b, c] = [
      await inWatson(100, 110),
      await inWatson(104, 110),
      await inWatson(108, 110),
    ];
    const matchId = randomUUID();
    await sim.server.instances.open({
      matchId,
      queue: 'dungeon',
      kind: 'dungeon',
      bracket: null,
      teams: [[a.characterId, b.characterId, c.characterId]],
      roles: { [a.characterId]: 'tank', [b.characterId]: 'damage', [c.characterId]: 'support' },
    });
    const zoneId = instanceZoneId('dungeon-arasaka-vault', matchId);
    const [a2, b2, c2] = (await enter(zoneId, [a, b, c])) as [P, P, P];
    for (const p of [b2, c2])
      expect(await p.client.command('instance:leave', {})).toMatchObject({ ok: true });
    expect(await backfillTickets()).toHaveLength(2);
    // a damage and a support solo get the two ready checks
    const x = await inWatson(200, 200);
    const y = await inWatson(210, 200);
    expect(await queueAs(x, 'damage')).toMatchObject({ ok: true });
    expect(await queueAs(y, 'support')).toMatchObject({ ok: true });
    await sim.server.matchmaking.tick();
    const fx = await x.client.next('match:found');
    const fy = await y.client.next('match:found');
    expect(await backfillTickets()).toEqual([]);
    // the boss falls meanwhile
    const zone = sim.server.zones.get(zoneId)!;
    await killBoss(zone, a2);
    // x declines: the ticket goes back, and the housekeeping takes it out again
    await x.client.command('match:answer', { matchId: fx.matchId, accept: false });
    await vi.waitFor(async () => expect(await backfillTickets()).toEqual([]), { timeout: 20_000 });
    // (the support's is still in y's ready check)
    expect(sim.server.instances.groupOf(zoneId)?.openBackfills).toBe(1);
    // y accepts: not taken in, their match released with a word why
    expect(
      await y.client.command('match:answer', { matchId: fy.matchId, accept: true }),
    ).toMatchObject({ ok: true, data: { state: 'confirmed' } });
    expect(await nextWith(y.client, 'match:status', (m) => m.reason === 'released')).toMatchObject({
      status: { state: 'idle' },
      message: 'The group finished the dungeon before you could join: you may queue again.',
    });
    expect(await row(y.characterId)).toEqual({ zoneId: 'watson', instanceId: null });
    expect(zone.player(y.characterId)).toBeUndefined();
    expect(sim.server.instances.groupOf(zoneId)?.openBackfills).toBe(0);
  });
});
