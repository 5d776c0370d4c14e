// The probe's win-trading script over real sockets (issue 25, item 12): three fresh
// accounts queue 1v1 with a main, accept, walk in and leave at once, round after round.
// The main's rating does not move (bound: 0 — an unfought forfeit win counts nothing),
// his guild earns no renown from them, and moderators find a flag in the reports queue.
// A genuine fight between two established players still moves both ratings.
import { describe, expect, it } from 'vitest';
import {
  ARENA_COUNTDOWN_MS,
  ARENA_ESTABLISHED_ACCOUNT_MS,
  ARENA_ESTABLISHED_LEVEL,
  ARENA_RETURN_MS,
  RATING_WINDOW_UNLIMITED_MS,
  TICK_MS,
  instanceZoneId,
} from '@necp/shared';
import { createLog, parseOutboxEvent, renownOutboxSubscriber } from '@necp/game';
import { testDb } from '../testing/test-db';
import { simPerTest } from '../testing/sim-per-test';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { wait } from '../testing/instance-kit';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

type Joined = Awaited<ReturnType<typeof createPlayerAt>> & {
  client: Awaited<ReturnType<TestSim['join']>>['client'];
};

async function join(p: Awaited<ReturnType<typeof createPlayerAt>>): Promise<Joined> {
  const { client } = await sim.join(p);
  await client.next('match:status');
  return { ...p, client };
}

/** A player past the established level; a veteran's account is weeks old, an alt's a minute. */
async function player(x: number, veteran = false) {
  const p = await createPlayerAt(db, x, 120);
  await db.user.update({
    where: { id: p.userId },
    data: {
      createdAt: new Date(sim.clock.ms() - (veteran ? 4 * ARENA_ESTABLISHED_ACCOUNT_MS : 60_000)),
    },
  });
  // alts too: the finder only matches players of one level band (queue-levels), so a
  // throw-away is levelled into the main's band before it can feed him wins
  await db.character.update({
    where: { id: p.characterId },
    data: { level: ARENA_ESTABLISHED_LEVEL + 5 },
  });
  return p;
}

/** Both queue 1v1 (waiting long enough to accept any rating), accept, and walk in. */
async function matchUp(a: Joined, b: Joined) {
  for (const p of [a, b])
    expect(await p.client.command('match:queue', { queue: 'arena', bracket: '1v1' })).toMatchObject(
      { ok: true },
    );
  sim.clock.advance(RATING_WINDOW_UNLIMITED_MS);
  expect((await sim.server.matchmaking.tick()).formed).toHaveLength(1);
  const found = await a.client.next('match:found');
  await b.client.next('match:found');
  for (const p of [a, b])
    expect(
      await p.client.command('match:answer', { matchId: found.matchId, accept: true }),
    ).toMatchObject({ ok: true });
  const zoneId = instanceZoneId('arena-neon-pit', found.matchId);
  const inside: Joined[] = [];
  for (const p of [a, b]) {
    await p.client.next('instance:transfer');
    p.client.close();
    inside.push(await join(p));
  }
  return { matchId: found.matchId, zoneId, a: inside[0]!, b: inside[1]! };
}

/** The result is out: everyone goes back to the street, free to queue again. */
async function home(...ps: Joined[]): Promise<Joined[]> {
  sim.clock.advance(ARENA_RETURN_MS);
  await ps[0]!.client.next('instance:transfer');
  await wait(50);
  const back: Joined[] = [];
  for (const p of ps) {
    p.client.close();
    back.push(await join(p));
  }
  return back;
}

const ratingOf = async (characterId: string) =>
  (await db.arenaRating.findFirst({ where: { characterId, bracket: '1v1' } }))?.rating ?? 1500;

async function guildFor(characterId: string) {
  const tag = `W${characterId
    .slice(-4)
    .toUpperCase()
    .replace(/[^A-Z]/g, 'X')}`;
  const g = await db.guild.create({
    data: { name: `Win Traders ${characterId.slice(-6)}`, nameLower: `wt ${characterId}`, tag },
  });
  const rank = await db.guildRank.create({ data: { guildId: g.id, name: 'Boss', position: 0 } });
  await db.guildMember.create({ data: { characterId, guildId: g.id, rankId: rank.id } });
  return g.id;
}

/** Hands a match's arena.match_finished event to the real renown subscriber. */
async function creditRenown(matchId: string) {
  const row = await db.outboxEvent.findFirstOrThrow({
    where: { key: `arena.match_finished:${matchId}` },
  });
  const sub = renownOutboxSubscriber({ clock: sim.clock, log: createLog('t', 'silent') });
  await db.$transaction((tx) =>
    sub.handle(tx, parseOutboxEvent(row) as never, {
      afterCommit: () => undefined,
      push: () => undefined,
    }),
  );
}
const renownCredits = (characterId: string) =>
  db.guildRenownCredit.findMany({ where: { characterId } });

describe('arena win-trading', () => {
  it('three throw-aways that accept and leave at once: no rating, no renown, a flag for moderators', async () => {
    let main = await join(await player(100, true));
    await guildFor(main.characterId);
    const alts = [
      await join(await player(110)),
      await join(await player(120)),
      await join(await player(130)),
    ];
    for (let round = 0; round < 2; round++) {
      for (const [i, alt] of alts.entries()) {
        const m = await matchUp(main, alt);
        const rules = sim.server.instances.arenaOf(m.zoneId)!;
        sim.step(1);
        expect(rules.phase).toBe('countdown');
        // the alt leaves at once
        expect(await m.b.client.command('instance:leave', {})).toMatchObject({ ok: true });
        sim.step(ARENA_COUNTDOWN_MS / TICK_MS + 3);
        expect(rules.outcome).toMatchObject({ by: 'forfeit' });
        const result = await m.a.client.next('arena:result');
        const mine = result.ratings.find((r) => r.characterId === main.characterId)!;
        expect(mine.after).toBe(mine.before);
        await creditRenown(m.matchId);
        main = (await home(m.a))[0]!;
        m.b.client.close();
        alts[i] = await join(alt);
        // the alt's leaver penalty is served before its next turn
        sim.clock.advance(5 * 60_000);
      }
    }
    // bound: the main's rating moved 0 points over six "wins"; no win on the board
    expect(await ratingOf(main.characterId)).toBe(1500);
    expect(
      await db.arenaRating.findFirst({ where: { characterId: main.characterId } }),
    ).toMatchObject({ wins: 0 });
    // the alts lost (a leaver's loss counts)
    for (const a of alts) expect(await ratingOf(a.characterId)).toBeLessThan(1500);
    // the guild earned nothing from them
    expect(await renownCredits(main.characterId)).toEqual([]);
    // the moderators' queue has a flag on the main (nobody was banned)
    const flag = await db.playerReport.findFirst({
      where: { targetId: main.characterId, reporterId: 'system:arena-watch', resolvedAt: null },
    });
    expect(flag).toMatchObject({ reason: 'cheating', targetUserId: main.userId });
    expect(flag!.note).toMatch(/within an hour against opponents who never fought/);
    expect(await db.user.findUnique({ where: { id: main.userId } })).toMatchObject({
      bannedUntil: null,
    });
    for (const p of [main, ...alts]) p.client.close();
    // six matches over real sockets (3.4 s alone); a loaded 2-core CI run took it past
    // the default 20 s — the game runs on the fake clock, the budget only covers the load
  }, 90_000);

  it('a genuine fight between established players (on the timer) moves both ratings and earns renown', async () => {
    const a = await join(await player(140, true));
    const b = await join(await player(150, true));
    await guildFor(a.characterId);
    const m = await matchUp(a, b);
    const zone = sim.server.zones.get(m.zoneId)!;
    const rules = sim.server.instances.arenaOf(m.zoneId)!;
    sim.step(1 + ARENA_COUNTDOWN_MS / TICK_MS + 2);
    expect(rules.phase).toBe('fighting');
    // they walk toward each other from their gates, then trade shots
    const pa = zone.player(a.characterId)!;
    const pb = zone.player(b.characterId)!;
    const east = (id: string) => (rules.teams[0]!.includes(id) ? 1 : -1);
    // north of the holo-column (it blocks the line between the gates), then closer
    for (let seq = 1; Math.abs(pa.x - pb.x) > 12 && seq < 300; seq++) {
      await Promise.all(
        (
          [
            [pa, m.a.client],
            [pb, m.b.client],
          ] as const
        ).map(([p, c]) => {
          const north = p.y > 15;
          return c.move({
            seq,
            dx: north ? 0 : east(p.characterId),
            dy: north ? -1 : 0,
            ms: TICK_MS,
          });
        }),
      );
      sim.step(1);
    }
    expect(Math.abs(pa.x - pb.x)).toBeLessThanOrEqual(12);
    const trade = async (shots: number) => {
      for (let i = 0; i < shots; i++) {
        await m.b.client.command('combat:use', { ability: 'solo_power_shot', target: pa.eid });
        await m.a.client.command('combat:use', { ability: 'solo_power_shot', target: pb.eid });
        for (const p of [pa, pb]) {
          p.combat.cooldowns.clear();
          p.combat.gcdUntil = 0;
        }
        sim.step(1);
      }
    };
    await trade(5);
    // just before the timer: more shots, and A patches up — the timer ends it with A
    // ahead, a fought win (both sides hurt each other)
    // (only the arena's zone: stepping the city's zones too through ~3,500 ticks was most
    // of this test's CPU, and a loaded CI run took it past 20 s)
    for (let i = Math.floor((rules.phaseEndsAt - sim.clock.ms()) / TICK_MS) - 40; i > 0; i--) {
      sim.clock.advance(TICK_MS);
      zone.step();
    }
    await trade(5);
    zone.submit({ k: 'heal', characterId: a.characterId, amount: 1_000_000 });
    sim.step(50);
    expect(rules.outcome).toMatchObject({ by: 'timer', winner: east(a.characterId) === 1 ? 0 : 1 });
    const result = await m.a.client.next('arena:result');
    const winner = result.ratings.find((r) => r.characterId === a.characterId)!;
    const loser = result.ratings.find((r) => r.characterId === b.characterId)!;
    expect(winner.after).toBeGreaterThan(winner.before + 50);
    expect(loser.after).toBeLessThan(loser.before - 50);
    await creditRenown(m.matchId);
    expect(await renownCredits(a.characterId)).toMatchObject([{ source: 'arena_won', points: 15 }]);
    for (const p of [m.a, m.b]) p.client.close();
    // real sockets and a whole match on the fake clock: ~1 s alone, 4–6 s beside six busy
    // processes; the budget only covers a loaded 2-core CI run
  }, 60_000);
});
