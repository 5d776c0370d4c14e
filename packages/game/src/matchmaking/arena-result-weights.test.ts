// How much an arena result counts, against real PostgreSQL (docs/matchmaking.md "What a
// result counts for"): an unfought forfeit moves nobody up and earns no renown; the same
// opponent account again decays 1, 1/2, 1/3, then nothing; a forfeit by a new account
// gives nothing; repeated forfeit wins put a flag in the moderators' reports queue.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ARENA_ESTABLISHED_ACCOUNT_MS,
  ARENA_ESTABLISHED_LEVEL,
  GUILD_RENOWN_POINTS,
  type FinishArenaMatch,
} from '@necp/shared';
import { FakeClock } from '../core/clock';
import { testDb } from '../accounts/test-deps';
import { WATCHERS } from '../moderation/flag-player';
import type { OutboxEvent } from '../outbox/events';
import { renownCreditsOf } from '../renown/renown-credits';
import { finishArenaMatch } from './finish-arena-match';
import { FOUGHT, character } from './test-helpers';

const db = testDb();
afterAll(() => db.$disconnect());

const T0 = Date.UTC(2026, 0, 10);
/** A character whose account is old enough and whose level is high enough. */
async function veteran(): Promise<string> {
  const id = await character(db, { level: ARENA_ESTABLISHED_LEVEL + 5 });
  const { userId } = await db.character.findUniqueOrThrow({
    where: { id },
    select: { userId: true },
  });
  await db.user.update({
    where: { id: userId },
    data: { createdAt: new Date(T0 - 2 * ARENA_ESTABLISHED_ACCOUNT_MS) },
  });
  return id;
}
/** A throw-away: a level-1 character on an account made today. */
async function alt(): Promise<string> {
  const id = await character(db);
  const { userId } = await db.character.findUniqueOrThrow({
    where: { id },
    select: { userId: true },
  });
  await db.user.update({ where: { id: userId }, data: { createdAt: new Date(T0 - 60_000) } });
  return id;
}

/** Accept, walk in, leave at once: the alt never fought. */
const LEFT_AT_ONCE: FinishArenaMatch['fight'] = {
  foughtMs: 3_000,
  by: 'forfeit',
  damageByTeam: [0, 0],
};

const play = (clock: FakeClock, winner: string, loser: string, fight = FOUGHT) => {
  clock.advance(120_000);
  return finishArenaMatch(
    { db, clock },
    { matchId: randomUUID(), bracket: '1v1', teams: [[winner], [loser]], winner: 0, fight },
  );
};
const mine = (r: Awaited<ReturnType<typeof play>>, id: string) =>
  r.participants.find((p) => p.characterId === id)!;
const rating = async (characterId: string) =>
  (await db.arenaRating.findFirst({ where: { characterId, bracket: '1v1' } })) ?? {
    rating: 1500,
    wins: 0,
    losses: 0,
  };
const flagOf = (targetId: string) =>
  db.playerReport.findUnique({
    where: {
      reporterId_targetId: { reporterId: WATCHERS.arena.reporterId, targetId },
    },
  });
const renownOf = async (matchId: string) => {
  const e = await db.outboxEvent.findFirstOrThrow({
    where: { key: `arena.match_finished:${matchId}` },
  });
  return renownCreditsOf({
    ...e,
    type: 'arena.match_finished',
  } as unknown as OutboxEvent<'arena.match_finished'>);
};

describe('what an arena result counts for', () => {
  it('an unfought forfeit: the winner stays where he was, no renown, no tallied win; the leaver loses', async () => {
    const clock = new FakeClock(T0);
    const [main, a] = [await veteran(), await alt()];
    const res = await play(clock, main, a, LEFT_AT_ONCE);
    expect(mine(res, main)).toMatchObject({
      result: 'win',
      ratingBefore: 1500,
      ratingAfter: 1500,
      weight: 0,
    });
    expect(mine(res, a).ratingAfter).toBeLessThan(1500);
    expect(await rating(main)).toMatchObject({ rating: 1500, wins: 0 });
    expect(
      await db.match.findFirst({ where: { participants: { some: { characterId: main } } } }),
    ).toMatchObject({ contested: false });
    const matchId = (await db.matchParticipant.findFirstOrThrow({ where: { characterId: main } }))
      .matchId;
    expect(await renownOf(matchId)).toEqual([]);
    // a punching bag is no fight either, nor a no-show
    const bag = await play(clock, main, await alt(), { ...FOUGHT, damageByTeam: [900, 0] });
    expect(mine(bag, main).weight).toBe(0);
    const noShow = await play(clock, main, await alt(), {
      foughtMs: null,
      by: 'forfeit',
      damageByTeam: [0, 0],
    });
    expect(mine(noShow, main).weight).toBe(0);
  });

  it('a fought win counts in full, and the same opponent account again decays 1, 1/2, 1/3, 0', async () => {
    const clock = new FakeClock(T0);
    const [main, foe] = [await veteran(), await veteran()];
    const gains: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = mine(await play(clock, main, foe), main);
      gains.push(r.weight);
    }
    expect(gains.map((w) => w.toFixed(3))).toEqual(['1.000', '0.500', '0.333', '0.000', '0.000']);
    // the tally counts the wins that counted
    expect(await rating(main)).toMatchObject({ wins: 3 });
    // another character of the same account is the same opponent
    const { userId } = await db.character.findUniqueOrThrow({
      where: { id: foe },
      select: { userId: true },
    });
    const twin = await db.character.create({
      data: {
        ...(await db.character.findUniqueOrThrow({
          where: { id: foe },
          omit: { id: true, nameLower: true, name: true, createdAt: true, updatedAt: true },
        })),
        userId,
        name: `Tw${foe.slice(-8)}`,
        nameLower: `tw${foe.slice(-8)}`.toLowerCase(),
      },
    });
    expect(mine(await play(clock, main, twin.id), main).weight).toBe(0);
    // a day later it counts again
    clock.advance(25 * 3_600_000);
    const fresh = mine(await play(clock, main, foe), main);
    expect(fresh.weight).toBe(1);
    expect(fresh.ratingAfter).toBeGreaterThan(fresh.ratingBefore);
  });

  it('a contested forfeit counts, except from a new or low-level account', async () => {
    const clock = new FakeClock(T0);
    const late: FinishArenaMatch['fight'] = {
      foughtMs: 60_000,
      by: 'forfeit',
      damageByTeam: [300, 120],
    };
    const main = await veteran();
    expect(mine(await play(clock, main, await veteran(), late), main).weight).toBe(1);
    expect(mine(await play(clock, main, await alt(), late), main).weight).toBe(0);
  });

  it('three throw-aways leaving at once, again and again: flagged for moderators, nothing gained', async () => {
    const clock = new FakeClock(T0);
    const main = await veteran();
    const alts = [await alt(), await alt(), await alt()];
    for (const a of alts) await play(clock, main, a, LEFT_AT_ONCE);
    expect(await rating(main)).toMatchObject({ rating: 1500, wins: 0 });
    const flag = await flagOf(main);
    expect(flag).toMatchObject({
      reason: 'cheating',
      reporterName: WATCHERS.arena.reporterName,
      resolvedAt: null,
    });
    expect(flag!.note).toMatch(/3 arena wins within an hour/);
    // the losers are not flagged (the winner profits); two forfeit wins are no pattern
    for (const a of alts) expect(await flagOf(a)).toBeNull();
    const other = await veteran();
    await play(clock, other, await alt(), LEFT_AT_ONCE);
    await play(clock, other, await alt(), LEFT_AT_ONCE);
    expect(await flagOf(other)).toBeNull();
    // the renown arena_won points are what a counted win earns
    expect(GUILD_RENOWN_POINTS.arena_won).toBeGreaterThan(0);
  });
});
