// Leaving instances early, and dungeon backfill (docs/instances.md "Leaving and
// backfill"), on one process (memory queues, fake clock, real PostgreSQL, real
// sockets): five solos queue for the dungeon, accept and go in. One leaves with
// instance:leave before the boss: sent back to Watson, penalised like a decliner,
// and the group gets a backfill ticket for their role — a damage solo who declines
// is penalised (the ticket stays), the next one accepts and is pulled in at the
// entrance while the others hear left / found / joined. A member who drops and
// does not come back counts as having left. After the clear, leaving is free and
// nobody is looked for; at the close the backfilled solo is free to queue again.
// In the arena, leaving hands the fight to the other side.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  DUNGEON_CLOSE_AFTER_CLEAR_MS,
  GCD_MS,
  INSTANCE_EMPTY_CLOSE_MS,
  RECONNECT_GRACE_MS,
  TICK_MS,
  instanceZoneId,
  type GroupRole,
} from '@necp/shared';
import { partyOf } from '@necp/game';
import type { Npc } from '../npc/npc';
import { testDb } from '../testing/test-db';
import { simPerTest } from '../testing/sim-per-test';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { DUNGEON_ARRIVAL_MS } from './dungeon-group';
import type { Player as ZonePlayer } from '../zone/player';
import type { Zone } from '../zone/zone';
import { dropped, wait } from '../testing/instance-kit';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

async function inWatson(x: number, y: number) {
  // within the vault's levels (14–30)
  const p = await createPlayerAt(db, x, y, { level: 20 });
  const { client } = await sim.join(p);
  await client.next('match:status');
  return { ...p, client, name: p.character.name };
}
type P = Awaited<ReturnType<typeof inWatson>>;

type Client = P['client'];
/** The next `event` that satisfies `ok` (earlier ones are skipped). */
async function nextWith<E extends Parameters<Client['next']>[0]>(
  c: Client,
  event: E,
  ok: (m: Awaited<ReturnType<Client['next']>>) => boolean,
  ms = 3_000,
) {
  const end = Date.now() + ms;
  for (;;) {
    const m = await c.next(event, Math.max(50, end - Date.now()));
    if (ok(m)) return m;
  }
}

const row = (id: string) =>
  db.character.findUniqueOrThrow({ where: { id }, select: { zoneId: true, instanceId: true } });

const queueAs = (p: P, role: GroupRole) =>
  p.client.command('match:queue', { queue: 'dungeon', role });

let lastFound: { backfill?: boolean } | undefined;
/** Ticks the matcher; each given player gets match:found: its id. */
async function found(players: P[]): Promise<string> {
  await sim.server.matchmaking.tick();
  let matchId = '';
  for (const p of players) {
    lastFound = await p.client.next('match:found');
    matchId = (lastFound as { matchId: string }).matchId;
  }
  return matchId;
}

/** Each is told to move in and reconnects into the instance. */
async function enter(zoneId: string, players: P[]): Promise<P[]> {
  const inside: P[] = [];
  for (const p of players) {
    expect(await p.client.next('instance:transfer')).toMatchObject({ direction: 'enter' });
    p.client.close();
    const { client, welcome } = await sim.join(p);
    expect(welcome.zone.id).toBe(zoneId);
    inside.push({ ...p, client });
  }
  return inside;
}

/** Five solos (tank, support, three damage) queued, matched, accepted and inside. */
async function dungeonGroup() {
  const roles: GroupRole[] = ['tank', 'support', 'damage', 'damage', 'damage'];
  const players: P[] = [];
  for (const [i, role] of roles.entries()) {
    const p = await inWatson(100 + i * 4, 110);
    expect(await queueAs(p, role)).toMatchObject({ ok: true });
    players.push(p);
  }
  const matchId = await found(players);
  for (const p of players)
    expect(await p.client.command('match:answer', { matchId, accept: true })).toMatchObject({
      ok: true,
    });
  const zoneId = instanceZoneId('dungeon-arasaka-vault', matchId);
  const inside = await enter(zoneId, players);
  return { matchId, zoneId, inside, zone: sim.server.zones.get(zoneId)! };
}

/** The boss brought to `p`, nearly dead, and shot down; the next tick sees the clear. */
async function killBoss(zone: Zone, p: P) {
  const boss = [...zone.npcs.npcs()].find((n) => n.spawnId === 'vault-boss') as Npc;
  const me = zone.player(p.characterId) as ZonePlayer;
  zone.npcWorld.placeNpc(boss.eid, { x: me.x + 10, y: me.y });
  boss.health = 1;
  for (let i = 0; i < 10 && !boss.combat.dead; i++) {
    await p.client.command('combat:use', { ability: 'solo_power_shot', target: boss.eid });
    me.combat.cooldowns.clear();
    me.combat.gcdUntil = 0;
    sim.clock.advance(GCD_MS);
  }
  expect(boss.combat.dead).toBe(true);
  sim.step(1);
}

const backfillTickets = async () =>
  (await sim.server.matchmaking.deps.store.oldestTickets('dungeon', 50)).filter((t) => t.backfill);

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
    expect(lastFound?.backfill).toBe(true);
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
