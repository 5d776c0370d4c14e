// Backfill tickets (docs/matchmaking.md "Backfill") on both stores, real PostgreSQL,
// fake clock: only a solo of the leaver's role within the level spread fills one;
// a decline puts it back at the front (the decliner penalised); the accept confirms
// a match that names the instance; a withdrawn ticket, or one whose instance closed,
// matches nobody; two Redis matchers never give one backfill two solos; a member
// freed from a confirmed match may queue again while the match goes on.
import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../core/clock';
import { disposeTestRedis, testDb } from '../accounts/test-deps';
import { requestBackfill, withdrawBackfill } from './backfill';
import { freeMatchMember } from './free-match-member';
import { joinQueue } from './join-queue';
import type { MatchmakingStore } from './matchmaking-store';
import { MemoryMatchmakingStore } from './memory-store';
import { readQueueStatus } from './queue-status';
import { answerReadyCheck } from './ready-check';
import { RedisMatchmakingStore } from './redis-store';
import { releaseMatch } from './release-match';
import { runMatchmakerTick } from './run-matchmaker';
import { character, characters, mmDeps, party } from './test-helpers';
import { matchMemberIds } from './tickets';

const db = testDb();
afterAll(() => db.$disconnect());

const url = () => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers) await c();
  closers = [];
});

const stores: [string, (clock: FakeClock) => { a: MatchmakingStore; b: MatchmakingStore }][] = [
  [
    'memory',
    (clock) => {
      const s = new MemoryMatchmakingStore(clock);
      return { a: s, b: s };
    },
  ],
  [
    'Redis',
    () => {
      const keyPrefix = `necp-test:${randomBytes(4).toString('hex')}:`;
      const c1 = new Redis(url(), { keyPrefix });
      const c2 = new Redis(url(), { keyPrefix });
      closers.push(async () => {
        c2.disconnect();
        await disposeTestRedis(c1);
      });
      return { a: new RedisMatchmakingStore(c1), b: new RedisMatchmakingStore(c2) };
    },
  ],
];

/** An open dungeon instance row (the matcher matches backfills of open instances only). */
async function openDungeon() {
  const matchId = randomUUID();
  const id = `dungeon-arasaka-vault--${matchId}`;
  await db.instance.create({
    data: { id, matchId, templateId: 'dungeon-arasaka-vault', kind: 'dungeon', hostId: 'h' },
  });
  return { matchId, instanceId: id };
}

const solo = (d: ReturnType<typeof mmDeps>, id: string, role: 'tank' | 'damage' | 'support') =>
  joinQueue(d, { characterId: id, request: { queue: 'dungeon', role } });

describe.each(stores)('backfill (%s store)', (_name, open) => {
  it('takes only a solo of the role within the spread; decline requeues it at the front; accept names the instance', async () => {
    const clock = new FakeClock();
    const { a } = open(clock);
    const d = mmDeps(db, a, clock);
    const inst = await openDungeon();
    const ticketId = await requestBackfill(d, {
      queue: 'dungeon',
      ...inst,
      role: 'tank',
      levels: [20, 22],
    });
    const enqueuedAt = clock.ms();
    // a damage solo, a tank too high, a party with a tank: none of them fits
    const dmg = await character(db, { level: 21 });
    const high = await character(db, { level: 30 });
    const duo = await characters(db, 2, { level: 21 });
    await party(db, duo);
    clock.advance(1);
    await solo(d, dmg, 'damage');
    await solo(d, high, 'tank');
    await joinQueue(d, {
      characterId: duo[0]!,
      request: { queue: 'dungeon', role: 'tank', partyRoles: { [duo[1]!]: 'damage' } },
    });
    expect((await runMatchmakerTick(d, { queues: ['dungeon'] })).formed).toEqual([]);

    // a tank solo of level 24 keeps the group within 5 levels
    const tank = await character(db, { level: 24 });
    clock.advance(1);
    await solo(d, tank, 'tank');
    const [m] = (await runMatchmakerTick(d, { queues: ['dungeon'] })).formed;
    expect(m).toBeDefined();
    expect(matchMemberIds(m!)).toEqual([tank]);
    // only the solo's wait counts for the estimate (nobody waited on the backfill ticket)
    expect(await a.recentWaits('dungeon')).toEqual([0]);
    expect(await readQueueStatus(d, { characterId: tank })).toMatchObject({
      state: 'ready_check',
      memberCount: 1,
    });
    // nobody else moved
    for (const id of [dmg, high, duo[0]!])
      expect(await readQueueStatus(d, { characterId: id })).toMatchObject({ state: 'queued' });

    // a decline: the solo is penalised, the backfill ticket is back with its time
    const declined = await answerReadyCheck(d, {
      characterId: tank,
      matchId: m!.id,
      accept: false,
    });
    expect(declined).toMatchObject({
      state: 'dissolved',
      dissolved: { requeued: [], penalised: [{ characterId: tank }] },
    });
    const back = (await a.oldestTickets('dungeon', 10)).find((t) => t.id === ticketId);
    expect(back).toMatchObject({ enqueuedAt, members: [], backfill: { role: 'tank' } });

    // another tank accepts: the match names the instance and the slot
    const tank2 = await character(db, { level: 19 });
    await solo(d, tank2, 'tank');
    const [m2] = (await runMatchmakerTick(d, { queues: ['dungeon'] })).formed;
    expect(matchMemberIds(m2!)).toEqual([tank2]);
    expect(
      await answerReadyCheck(d, { characterId: tank2, matchId: m2!.id, accept: true }),
    ).toEqual({
      state: 'confirmed',
      match: {
        matchId: m2!.id,
        queue: 'dungeon',
        kind: 'dungeon',
        bracket: null,
        teams: [[tank2]],
        roles: { [tank2]: 'tank' },
        backfill: { ...inst, role: 'tank', levels: [20, 22], ticketId },
      },
    });
    // it is in no queue any more
    expect(await withdrawBackfill(d, { queue: 'dungeon', ticketId })).toBe(false);
    expect(await readQueueStatus(d, { characterId: tank2 })).toMatchObject({ state: 'in_match' });
    expect(await releaseMatch(d, { matchId: m2!.id })).toBe(true);
  });

  it('a withdrawn backfill, or one of a closed instance, matches nobody', async () => {
    const clock = new FakeClock();
    const { a } = open(clock);
    const d = mmDeps(db, a, clock);
    const one = await openDungeon();
    const two = await openDungeon();
    const t1 = await requestBackfill(d, { queue: 'dungeon', ...one, role: 'support', levels: [] });
    const t2 = await requestBackfill(d, { queue: 'dungeon', ...two, role: 'support', levels: [] });
    expect(await withdrawBackfill(d, { queue: 'dungeon', ticketId: t1 })).toBe(true);
    expect(await withdrawBackfill(d, { queue: 'dungeon', ticketId: t1 })).toBe(false);
    await db.instance.update({ where: { id: two.instanceId }, data: { state: 'closed' } });
    const sup = await character(db, { level: 20 });
    await solo(d, sup, 'support');
    expect((await runMatchmakerTick(d, { queues: ['dungeon'] })).formed).toEqual([]);
    // the stale one was taken out of the queue
    expect((await a.oldestTickets('dungeon', 10)).map((t) => t.id)).not.toContain(t2);
    expect(await readQueueStatus(d, { characterId: sup })).toMatchObject({ state: 'queued' });
  });

  it('two matchers at once give one backfill one solo', async () => {
    const clock = new FakeClock();
    const { a, b } = open(clock);
    const da = mmDeps(db, a, clock);
    const db2 = mmDeps(db, b, clock);
    const inst = await openDungeon();
    await requestBackfill(da, { queue: 'dungeon', ...inst, role: 'damage', levels: [] });
    const [x, y] = await characters(db, 2, { level: 20 });
    await solo(da, x!, 'damage');
    clock.advance(1);
    await solo(db2, y!, 'damage');
    const [r1, r2] = await Promise.all([
      runMatchmakerTick(da, { queues: ['dungeon'] }),
      runMatchmakerTick(db2, { queues: ['dungeon'] }),
    ]);
    const formed = [...r1.formed, ...r2.formed];
    // the loser's proposal is dropped; a later tick has no backfill left for the other solo
    expect(formed.length).toBeLessThanOrEqual(1);
    const again = await runMatchmakerTick(da, { queues: ['dungeon'] });
    const all = [...formed, ...again.formed];
    expect(all).toHaveLength(1);
    expect(matchMemberIds(all[0]!)).toHaveLength(1);
    const inMatch = [];
    for (const id of [x!, y!])
      if ((await readQueueStatus(da, { characterId: id })).state === 'ready_check')
        inMatch.push(id);
    expect(inMatch).toHaveLength(1);
  });

  it('a member freed from a confirmed match may queue again; the release leaves them alone', async () => {
    const clock = new FakeClock();
    const { a } = open(clock);
    const d = mmDeps(db, a, clock);
    const [p, q] = await characters(db, 2, { level: 20 });
    for (const id of [p!, q!])
      await joinQueue(d, { characterId: id, request: { queue: 'arena', bracket: '1v1' } });
    const [m] = (await runMatchmakerTick(d, { queues: ['arena_1v1'] })).formed;
    expect(await freeMatchMember(d, { matchId: m!.id, characterId: p! })).toBe(false); // pending
    for (const id of [p!, q!])
      await answerReadyCheck(d, { characterId: id, matchId: m!.id, accept: true });
    expect(await freeMatchMember(d, { matchId: m!.id, characterId: p! })).toBe(true);
    expect(await freeMatchMember(d, { matchId: m!.id, characterId: p! })).toBe(false);
    expect(await readQueueStatus(d, { characterId: p! })).toEqual({ state: 'idle' });
    expect(await readQueueStatus(d, { characterId: q! })).toMatchObject({ state: 'in_match' });
    await solo(d, p!, 'damage');
    expect(await releaseMatch(d, { matchId: m!.id })).toBe(true);
    expect(await readQueueStatus(d, { characterId: p! })).toMatchObject({ state: 'queued' });
    expect(await readQueueStatus(d, { characterId: q! })).toEqual({ state: 'idle' });
  });
});
