// An arena instance on one process (memory leases and queues, fake clock): two
// players queue 1v1, accept, are taken out of Watson (their return point kept),
// reconnect into the instance at their gates, fight through the countdown to an
// end (a leaver forfeits; the timer with even health is a draw), get their rating
// change, and are sent back to where they stood. A process that dies with an
// instance open: the players land back at their return points, nothing changed.
import { describe, expect, it, vi } from 'vitest';
import {
  ARENA_COUNTDOWN_MS,
  ARENA_MATCH_MS,
  ARENA_RETURN_MS,
  RECONNECT_GRACE_MS,
  TICK_MS,
  instanceZoneId,
  type ArenaStateMsg,
} from '@necp/shared';
import { testDb } from '../testing/test-db';
import { simPerTest } from '../testing/sim-per-test';
import { bootTestSim, createPlayerAt, type TestSim } from '../testing/test-sim';
import { dropped } from '../testing/instance-kit';
import { WAIT } from '../testing/eventually';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

async function inWatson(x: number, y: number, s: TestSim = sim) {
  const p = await createPlayerAt(db, x, y);
  const { client } = await s.join(p);
  await client.next('match:status');
  return { ...p, client };
}
type Player = Awaited<ReturnType<typeof inWatson>>;

/** Both queue 1v1, the matcher pairs them, both accept: the instance's zone id. */
async function confirmed(a: Player, b: Player, s: TestSim = sim): Promise<string> {
  for (const p of [a, b])
    expect(await p.client.command('match:queue', { queue: 'arena', bracket: '1v1' })).toMatchObject(
      { ok: true },
    );
  expect((await s.server.matchmaking.tick()).formed).toHaveLength(1);
  const found = await a.client.next('match:found');
  await b.client.next('match:found');
  for (const p of [a, b])
    expect(
      await p.client.command('match:answer', { matchId: found.matchId, accept: true }),
    ).toMatchObject({ ok: true });
  return instanceZoneId('arena-neon-pit', found.matchId);
}

/** Both are told to move, and reconnect (a new ticket) into the instance. */
async function enter(zoneId: string, players: Player[], s: TestSim = sim) {
  const again = [];
  for (const p of players) {
    expect(await p.client.next('instance:transfer')).toEqual({
      direction: 'enter',
      kind: 'arena',
      zoneName: 'Neon Pit Arena',
    });
    p.client.close();
    const { client, welcome } = await s.join(p);
    expect(welcome.zone.id).toBe(zoneId);
    again.push({ ...p, client });
  }
  return again;
}

const row = (id: string) =>
  db.character.findUniqueOrThrow({
    where: { id },
    select: { zoneId: true, x: true, y: true, instanceId: true, eddies: true },
  });

describe('an arena instance', () => {
  it('takes the pair in, fights to a forfeit (the leaver penalised), records ratings and sends them back', async () => {
    const a = await inWatson(100, 110);
    const b = await inWatson(300, 310);
    const zoneId = await confirmed(a, b);
    const [a2, b2] = await enter(zoneId, [a, b]);
    const zone = sim.server.zones.get(zoneId)!;
    expect(zone).toBeDefined();
    // out of Watson; the rows keep Watson and where they stood as the return point
    expect(sim.watson.player(a.characterId)).toBeUndefined();
    expect(await row(a.characterId)).toMatchObject({
      zoneId: 'watson',
      x: 100,
      y: 110,
      instanceId: zoneId,
    });
    expect(await row(b.characterId)).toMatchObject({
      zoneId: 'watson',
      x: 300,
      y: 310,
      instanceId: zoneId,
    });
    // each at its team's gate (the west gate for team 0)
    const rules = sim.server.instances.arenaOf(zoneId)!;
    const ta = rules.teams.findIndex((t) => t.includes(a.characterId));
    const tb = 1 - ta;
    const gate = (team: number) => ({ x: team === 0 ? 8 : 56, y: 20 });
    expect(zone.player(a.characterId)).toMatchObject(gate(ta));
    expect(zone.player(b.characterId)).toMatchObject(gate(tb));

    // both arrived: the countdown, then the fight (teams: each is the other's enemy)
    sim.step(1);
    expect(rules.phase).toBe('countdown');
    sim.step(ARENA_COUNTDOWN_MS / TICK_MS + 2);
    expect(rules.phase).toBe('fighting');
    expect(zone.player(a.characterId)?.team).toBe(ta);
    expect(zone.player(b.characterId)?.team).toBe(tb);
    // the state is pushed after the tick: waited for, not a fixed pause
    const states: ArenaStateMsg[] = [];
    await vi.waitFor(() => {
      states.push(...a2!.client.take('arena:state'));
      expect(states.at(-1)).toMatchObject({ phase: 'fighting', you: ta, bracket: '1v1' });
    }, WAIT);
    const state = states.at(-1)!;
    expect(state.teams[tb]![0]).toMatchObject({ characterId: b.characterId, dead: false });

    // B leaves and does not come back within the reconnect window: A wins by forfeit
    b2!.client.close();
    await dropped(sim, zone, b.characterId);
    sim.step(RECONNECT_GRACE_MS / TICK_MS + 2);
    expect(rules.outcome).toEqual({ winner: ta, by: 'forfeit' });
    const result = await a2!.client.next('arena:result');
    expect(result).toMatchObject({
      winner: ta,
      by: 'forfeit',
      you: ta,
      returnInMs: ARENA_RETURN_MS,
    });
    // nobody fought (B left without a shot): an unfought forfeit raises nobody's rating;
    // B's loss counts (docs/matchmaking.md "What a result counts for")
    const mine = result.ratings.find((r) => r.characterId === a.characterId)!;
    expect(mine.after).toBe(mine.before);
    const theirs = result.ratings.find((r) => r.characterId === b.characterId)!;
    expect(theirs.after).toBeLessThan(theirs.before);
    // B left the match: barred from queueing for a while, like a decliner; A is not
    expect(
      await db.queuePenalty.findUnique({ where: { characterId: b.characterId } }),
    ).toMatchObject({
      count: 1,
    });
    expect(await db.queuePenalty.findUnique({ where: { characterId: a.characterId } })).toBeNull();
    const rated = await db.arenaRating.findMany({
      where: { characterId: { in: [a.characterId, b.characterId] } },
    });
    expect(rated).toHaveLength(2);

    // the result stays up, then everyone goes back
    sim.clock.advance(ARENA_RETURN_MS);
    expect(await a2!.client.next('instance:transfer', 2_000)).toEqual({
      direction: 'leave',
      kind: 'arena',
      zoneName: 'Watson',
      reason: 'finished',
    });
    await vi.waitFor(() => expect(sim.server.zones.has(zoneId)).toBe(false), WAIT);
    expect(await row(a.characterId)).toMatchObject({ zoneId: 'watson', instanceId: null });
    expect(await row(b.characterId)).toMatchObject({ instanceId: null });
    expect(await db.instance.findUnique({ where: { id: zoneId } })).toMatchObject({
      state: 'closed',
      closeReason: 'finished',
    });
    // back in Watson where A stood, and free to queue again
    a2!.client.close();
    const { client, welcome } = await sim.join(a);
    expect(welcome.zone.id).toBe('watson');
    // on the wire in centimetres
    expect(welcome.self).toMatchObject({ x: 10_000, y: 11_000 });
    await client.next('match:status');
    expect(await client.command('match:queue', { queue: 'arena', bracket: '1v1' })).toMatchObject({
      ok: true,
    });
  });

  it('ends on the timer in a draw when both kept all their health', async () => {
    const a = await inWatson(120, 120);
    const b = await inWatson(130, 130);
    const zoneId = await confirmed(a, b);
    const [a2] = await enter(zoneId, [a, b]);
    sim.step(1 + ARENA_COUNTDOWN_MS / TICK_MS + 2);
    const rules = sim.server.instances.arenaOf(zoneId)!;
    expect(rules.phase).toBe('fighting');
    // nobody may respawn in the arena (asked while alive: refused as not dead)
    sim.step(ARENA_MATCH_MS / TICK_MS + 1);
    expect(rules.outcome).toEqual({ winner: null, by: 'timer' });
    const result = await a2!.client.next('arena:result');
    expect(result.winner).toBeNull();
    // teams are dropped at the end: nobody is anybody's enemy any more
    sim.step(2);
    expect(sim.server.zones.get(zoneId)?.player(a.characterId)?.team).toBeNull();
  });

  it('a process that dies with an instance open: its players land back where they stood', async () => {
    const a = await inWatson(140, 150);
    const b = await inWatson(160, 170);
    const before = await Promise.all([row(a.characterId), row(b.characterId)]);
    const items = await db.item.count({
      where: { characterId: { in: [a.characterId, b.characterId] } },
    });
    const zoneId = await confirmed(a, b);
    const [a2, b2] = await enter(zoneId, [a, b]);
    sim.step(3);
    // the process dies: nothing written, the instance gone with it
    sim.server.instances.halt();
    a2!.client.close();
    b2!.client.close();
    await sim.close();

    const next = await bootTestSim(db);
    try {
      for (const [i, p] of [a, b].entries()) {
        const { client, welcome } = await next.join(p);
        expect(welcome.zone.id).toBe('watson');
        expect(welcome.self).toMatchObject({ x: before[i]!.x * 100, y: before[i]!.y * 100 });
        client.close();
      }
      // the lost instance is settled beside the join (settleLostInstance: not awaited by
      // the welcome), a few statements later — waited for, not a fixed pause (a busy
      // machine took longer than 100 ms)
      for (const [i, p] of [a, b].entries())
        await vi.waitFor(
          async () => expect(await row(p.characterId)).toEqual({ ...before[i]!, instanceId: null }),
          WAIT,
        );
      expect(
        await db.item.count({ where: { characterId: { in: [a.characterId, b.characterId] } } }),
      ).toBe(items);
      expect(await db.instance.findUnique({ where: { id: zoneId } })).toMatchObject({
        state: 'closed',
        closeReason: 'host_lost',
      });
    } finally {
      await next.close();
    }
  });
});
