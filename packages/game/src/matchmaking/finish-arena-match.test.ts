import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { FIRST_SEASON_KEY, teamRating, updateGlicko2, type Glicko2Rating } from '@necp/shared';
import { FakeClock } from '../core/clock';
import { expectDomainError, testDb } from '../accounts/test-deps';
import { finishArenaMatch } from './finish-arena-match';
import { recordMatchStarted } from './record-match-started';
import { FOUGHT, characters } from './test-helpers';

const db = testDb();
afterAll(() => db.$disconnect());
const deps = () => ({ db, clock: new FakeClock() });

async function rate(id: string, bracket: '1v1' | '3v3', r: Glicko2Rating) {
  await db.arenaRating.create({
    data: { characterId: id, bracket, season: FIRST_SEASON_KEY, ...r, wins: 4, losses: 2 },
  });
}
const ratingOf = (characterId: string, bracket: '1v1' | '3v3') =>
  db.arenaRating.findUnique({
    where: { characterId_bracket_season: { characterId, bracket, season: FIRST_SEASON_KEY } },
  });
/** PostgreSQL's double precision may round the last digit on the way back. */
function expectRating(row: Glicko2Rating | null, want: Glicko2Rating) {
  expect(row!.rating).toBeCloseTo(want.rating, 9);
  expect(row!.rd).toBeCloseTo(want.rd, 9);
  expect(row!.volatility).toBeCloseTo(want.volatility, 12);
}
const events = (matchId: string) =>
  db.outboxEvent.findMany({ where: { key: `arena.match_finished:${matchId}` } });

describe('finishArenaMatch', () => {
  it('1v1: both Glicko-2 rows move as the rules say; history and the event are written', async () => {
    const d = deps();
    const [a, b] = await characters(db, 2);
    const ra = { rating: 1620, rd: 90, volatility: 0.06 };
    const rb = { rating: 1580, rd: 120, volatility: 0.059 };
    await rate(a!, '1v1', ra);
    await rate(b!, '1v1', rb);
    const matchId = randomUUID();
    const out = await finishArenaMatch(d, {
      matchId,
      bracket: '1v1',
      teams: [[a!], [b!]],
      winner: 1,
      fight: FOUGHT,
    });
    const wantA = updateGlicko2(ra, [{ opponent: teamRating([rb]), score: 0 }]);
    const wantB = updateGlicko2(rb, [{ opponent: teamRating([ra]), score: 1 }]);
    expect(out.recorded).toBe(true);
    const rowA = await ratingOf(a!, '1v1');
    const rowB = await ratingOf(b!, '1v1');
    expectRating(rowA, wantA);
    expectRating(rowB, wantB);
    expect(rowA).toMatchObject({ wins: 4, losses: 3, draws: 0, updatedAt: d.clock.now() });
    expect(rowB).toMatchObject({ wins: 5, losses: 2 });
    expect(rowB!.rating).toBeGreaterThan(1580);
    expect(rowA!.rating).toBeLessThan(1620);
    expect(await db.match.findUniqueOrThrow({ where: { id: matchId } })).toMatchObject({
      kind: 'arena',
      bracket: '1v1',
      season: FIRST_SEASON_KEY,
      endedAt: d.clock.now(),
      winnerTeam: 1,
    });
    const history = await db.matchParticipant.findMany({
      where: { matchId },
      orderBy: { team: 'asc' },
    });
    expect(history).toMatchObject([
      { characterId: a, team: 0, result: 'loss', ratingBefore: 1620 },
      { characterId: b, team: 1, result: 'win', ratingBefore: 1580 },
    ]);
    expect(history[0]!.ratingAfter).toBeCloseTo(wantA.rating, 9);
    expect(history[1]!.ratingAfter).toBeCloseTo(wantB.rating, 9);
    const [e, ...more] = await events(matchId);
    expect(more).toEqual([]);
    expect(e!.payload).toEqual({
      matchId,
      bracket: '1v1',
      winners: [b],
      losers: [a],
      weights: { [a!]: 1, [b!]: 1 },
    });
  });

  it('exactly once per match id: repeated and concurrent calls change nothing more', async () => {
    const d = deps();
    const [a, b] = await characters(db, 2);
    const matchId = randomUUID();
    const input = {
      matchId,
      bracket: '1v1' as const,
      teams: [[a!], [b!]] as [string[], string[]],
      winner: 0 as const,
      fight: FOUGHT,
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => finishArenaMatch(d, input)));
    expect(results.filter((r) => r.recorded)).toHaveLength(1);
    const first = results.find((r) => r.recorded)!;
    for (const r of results)
      expect(
        r.participants.map((p) => [p.characterId, p.result, p.ratingAfter.toFixed(6)]),
      ).toEqual(first.participants.map((p) => [p.characterId, p.result, p.ratingAfter.toFixed(6)]));
    const once = await ratingOf(a!, '1v1');
    d.clock.advance(60_000);
    expect((await finishArenaMatch(d, { ...input, winner: 1 })).recorded).toBe(false);
    expect(await ratingOf(a!, '1v1')).toEqual(once);
    expect(once).toMatchObject({ wins: 1, losses: 0 });
    expect(await events(matchId)).toHaveLength(1);
  });

  it('3v3 of new players: every winner gains and every loser loses from 1500/350', async () => {
    const d = deps();
    const ids = await characters(db, 6);
    const teams: [string[], string[]] = [ids.slice(0, 3), ids.slice(3)];
    const { participants } = await finishArenaMatch(d, {
      matchId: randomUUID(),
      bracket: '3v3',
      teams,
      winner: 0,
      fight: FOUGHT,
    });
    expect(participants).toHaveLength(6);
    for (const p of participants) {
      expect(p.ratingBefore).toBe(1500);
      if (teams[0].includes(p.characterId)) expect(p.ratingAfter).toBeGreaterThan(1500);
      else expect(p.ratingAfter).toBeLessThan(1500);
      const row = await ratingOf(p.characterId, '3v3');
      expect(row!.rd).toBeLessThan(350);
      expect(await ratingOf(p.characterId, '1v1')).toBeNull();
    }
  });

  it('a draw scores half for both sides and has no winners in the event', async () => {
    const d = deps();
    const [a, b] = await characters(db, 2);
    await rate(a!, '1v1', { rating: 1700, rd: 60, volatility: 0.06 });
    const matchId = randomUUID();
    await finishArenaMatch(d, {
      matchId,
      bracket: '1v1',
      teams: [[a!], [b!]],
      winner: null,
      fight: FOUGHT,
    });
    // the favourite drew: it loses points, the newcomer gains
    expect((await ratingOf(a!, '1v1'))!.rating).toBeLessThan(1700);
    expect(await ratingOf(b!, '1v1')).toMatchObject({ draws: 1, wins: 0, losses: 0 });
    expect((await events(matchId))[0]!.payload).toMatchObject({ winners: [], losers: [] });
    expect((await db.match.findUniqueOrThrow({ where: { id: matchId } })).winnerTeam).toBeNull();
  });

  it('a match recorded at its start keeps its start time and gets its result', async () => {
    const d = deps();
    const [a, b] = await characters(db, 2);
    const matchId = randomUUID();
    const match = {
      matchId,
      queue: 'arena_1v1' as const,
      kind: 'arena' as const,
      bracket: '1v1' as const,
      teams: [[a!], [b!]],
    };
    await recordMatchStarted(d, { match });
    await recordMatchStarted(d, { match });
    const started = d.clock.now();
    d.clock.advance(90_000);
    await finishArenaMatch(d, {
      matchId,
      bracket: '1v1',
      teams: [[a!], [b!]],
      winner: 0,
      fight: FOUGHT,
    });
    expect(await db.match.findUniqueOrThrow({ where: { id: matchId } })).toMatchObject({
      createdAt: started,
      endedAt: d.clock.now(),
    });
    expect(await db.matchParticipant.count({ where: { matchId, result: { not: null } } })).toBe(2);
  });

  it('refuses a result that does not fit the bracket', async () => {
    const d = deps();
    const [a, b, c] = await characters(db, 3);
    const bad = [
      { matchId: randomUUID(), bracket: '1v1', teams: [[a, c], [b]], winner: 0 },
      { matchId: randomUUID(), bracket: '3v3', teams: [[a], [a]], winner: 0 },
      { matchId: randomUUID(), bracket: '2v2', teams: [[a], [b]], winner: 0 },
      { matchId: '', bracket: '1v1', teams: [[a], [b]], winner: 0 },
      { matchId: randomUUID(), bracket: '1v1', teams: [[a], [b]], winner: 2 },
      // what the arena saw is not optional, nor negative
      { matchId: randomUUID(), bracket: '1v1', teams: [[a], [b]], winner: 0, fight: undefined },
      {
        matchId: randomUUID(),
        bracket: '1v1',
        teams: [[a], [b]],
        winner: 0,
        fight: { ...FOUGHT, damageByTeam: [-1, 5] },
      },
    ];
    for (const input of bad)
      await expectDomainError(finishArenaMatch(d, input as never), 'VALIDATION');
    // NUL and lone surrogates in an id: refused before the season or a character is locked
    const ok = { bracket: '1v1', winner: 0, fight: FOUGHT } as const;
    const badIds = [
      { ...ok, matchId: `${randomUUID()}\u0000`, teams: [[a!], [b!]] },
      { ...ok, matchId: randomUUID(), teams: [[`${a}\u0000`], [b!]] },
      { ...ok, matchId: randomUUID(), teams: [[a!], ['\uD800']] },
    ];
    for (const input of badIds)
      await expectDomainError(finishArenaMatch(d, input as never), 'VALIDATION');
    // (PostgreSQL cannot even be asked about an id with NUL in it)
    const ids = [...bad, ...badIds].map((m) => m.matchId).filter((id) => /^[\w-]+$/.test(id));
    expect(await db.match.count({ where: { id: { in: ids } } })).toBe(0);
    expect(await db.arenaRating.count({ where: { characterId: { in: [a!, b!, c!] } } })).toBe(0);
    expect(
      await db.outboxEvent.count({
        where: { key: { in: ids.map((id) => `arena.match_finished:${id}`) } },
      }),
    ).toBe(0);
  });
});
