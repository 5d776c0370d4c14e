// The public leaderboards through the API: anyone (signed out too) reads a page, the
// rows around a character and its standings; the class filter and pages; unknown
// names are NOT_FOUND; bad input is BAD_REQUEST. A database of its own: a board ranks
// every character in it.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestCharacter, createTestUser, uniqLetters } from '@necp/db/testing';
import { LEADERBOARD_KEYS, type ClassId } from '@necp/shared';
import { anonCaller, rejection, signedIn, testDeps } from '../testing';
import { outboxTestDb } from '@necp/db/testing/run';

const db = outboxTestDb('apiLeaderboards', 4);
afterAll(() => db.$disconnect());

beforeEach(async () => {
  await db.guild.deleteMany();
  await db.user.deleteMany();
});

let n = 0;
async function runner(o: { class: ClassId; level: number; eddies?: number }) {
  const u = await createTestUser(db);
  n += 1;
  const c = await createTestCharacter(db, u.id, {
    name: `Api${n}r${uniqLetters(5)}`,
  });
  await db.character.update({
    where: { id: c.id },
    data: { class: o.class, level: o.level, eddies: o.eddies ?? 0 },
  });
  return { ...c, class: o.class };
}

describe('leaderboards router', () => {
  it('top, around and ranks answer anyone; class filter and pages', async () => {
    const deps = testDeps(db);
    const anon = anonCaller(deps);
    const rs = [];
    for (let i = 0; i < 5; i++)
      rs.push(await runner({ class: i % 2 ? 'netrunner' : 'solo', level: 30 - i, eddies: i * 10 }));

    const top = await anon.leaderboards.top({ board: 'level' });
    expect(top.rows.map((r) => r.name)).toEqual(rs.map((r) => r.name));
    expect(top).toMatchObject({ board: 'level', class: null, offset: 0, limit: 50, total: 5 });

    const page2 = await anon.leaderboards.top({ board: 'level', page: 2, pageSize: 2 });
    expect(page2.rows.map((r) => [r.name, r.rank])).toEqual([
      [rs[2]!.name, 3],
      [rs[3]!.name, 4],
    ]);
    const nets = await anon.leaderboards.top({ board: 'level', class: 'netrunner' });
    expect(nets.rows.map((r) => [r.name, r.rank])).toEqual([
      [rs[1]!.name, 1],
      [rs[3]!.name, 2],
    ]);
    const rich = await anon.leaderboards.top({ board: 'wealth' });
    expect(rich.rows[0]).toMatchObject({ name: rs[4]!.name, value: 40 });

    const around = await anon.leaderboards.around({ board: 'level', name: rs[2]!.name, k: 1 });
    expect(around.rows.map((r) => r.name)).toEqual(rs.slice(1, 4).map((r) => r.name));
    expect(around.me).toMatchObject({ name: rs[2]!.name, rank: 3 });

    // signed in reads the same
    const p = await signedIn(deps, db);
    const ranks = await p.caller.leaderboards.ranks({ name: rs[3]!.name.toLowerCase() });
    expect(ranks).toMatchObject({ characterId: rs[3]!.id, name: rs[3]!.name, class: 'netrunner' });
    expect(ranks.standings.map((s) => s.board)).toEqual([...LEADERBOARD_KEYS]);
    expect(ranks.standings[0]).toMatchObject({ rank: 4, total: 5, classRank: 2, classTotal: 2 });
  });

  it('seasons: the list, the current season is the live board, an unknown one NOT_FOUND', async () => {
    const anon = anonCaller(testDeps(db));
    const r = await runner({ class: 'solo', level: 12 });
    const seasons = await anon.leaderboards.seasons();
    const current = seasons.find((s) => s.state === 'active')!;
    expect(current.key).toMatch(/^S\d+$/);
    const live = await anon.leaderboards.top({ board: 'level', season: current.key });
    expect(live.source).not.toBe('archive');
    expect(live.rows.map((x) => x.name)).toEqual([r.name]);
    expect(await anon.leaderboards.top({ board: 'arena-1v1' })).toMatchObject({ total: 0 });
    expect(
      await rejection(anon.leaderboards.top({ board: 'level', season: 'S999' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('unknown names are NOT_FOUND; bad input is BAD_REQUEST', async () => {
    const anon = anonCaller(testDeps(db));
    expect(await rejection(anon.leaderboards.ranks({ name: 'NoSuchRunner' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await rejection(anon.leaderboards.around({ board: 'level', name: 'NoSuchRunner' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const bad: [string, unknown][] = [
      ['top', { board: 'elo' }],
      ['top', { board: 'level', page: 0 }],
      ['top', { board: 'level', page: 20_001 }],
      ['top', { board: 'level', page: 1.5 }],
      ['top', { board: 'level', pageSize: 101 }],
      ['top', { board: 'level', class: 'wizard' }],
      ['top', { board: 'guilds', class: 'solo' }],
      // deeper than the offset cap (page × pageSize)
      ['top', { board: 'level', page: 20_000, pageSize: 100 }],
      ['top', null],
      ['around', { board: 'level' }],
      ['around', { board: 'level', name: 'x\u0000y' }],
      ['around', { board: 'level', name: 'Okay', k: 26 }],
      ['ranks', { name: 'a'.repeat(10_000) }],
      ['ranks', {}],
      ['top', { board: 'level', season: 'season-1' }],
      ['top', { board: 'level', season: 'S0' }],
    ];
    for (const [proc, input] of bad) {
      const call = (
        anon.leaderboards as unknown as Record<string, (i: unknown) => Promise<unknown>>
      )[proc]!;
      expect(await rejection(call(input)), `${proc} ${JSON.stringify(input)}`).toMatchObject({
        code: 'BAD_REQUEST',
      });
    }
  });
});
