// What the Redis matchmaking store does with values it cannot read (another version's,
// a write cut short, an operator's hand) — real Redis and PostgreSQL, each test in a
// Redis namespace of its own: a ticket nobody can read is dropped and its member freed,
// an unreadable match is no match, and the matcher never stops over either.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { READY_CHECK_MS } from '@necp/shared';
import { disposeTestRedis, expectDomainError, testDb, testRedis } from '../accounts/test-deps';
import { FakeClock } from '../core/clock';
import { createLog } from '../core/log';
import { joinQueue } from './join-queue';
import { leaveQueue } from './leave-queue';
import { answerReadyCheck } from './ready-check';
import { RedisMatchmakingStore } from './redis-store';
import { runMatchmakerTick } from './run-matchmaker';
import { characters, mmDeps } from './test-helpers';

const ARENA_1V1 = { queue: 'arena', bracket: '1v1' } as const;
const QUEUE = 'mm:queue:arena_1v1';

const db = testDb();
afterAll(() => db.$disconnect());
let redises: ReturnType<typeof testRedis>[] = [];
afterEach(async () => {
  for (const r of redises) await disposeTestRedis(r);
  redises = [];
});

function setup() {
  const redis = testRedis();
  redises.push(redis);
  const log = createLog('test', 'silent');
  const warned = vi.spyOn(log, 'warn');
  const store = new RedisMatchmakingStore(redis, log);
  const d = mmDeps(db, store, new FakeClock());
  const warnedKeys = () => warned.mock.calls.map(([o]) => (o as { key: string }).key);
  return { redis, store, d, warnedKeys };
}

/** A well-formed ticket of the arena 1v1 queue, as JSON. */
const ticketJson = (id: string, o: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    queue: 'arena_1v1',
    leaderId: `${id}-c`,
    partyId: null,
    members: [{ characterId: `${id}-c`, name: 'Nobody', level: 1, role: null, rating: 1500 }],
    rating: 1500,
    enqueuedAt: 0,
    ...o,
  });

describe('the Redis matchmaking store and values it cannot read', () => {
  it('drops unreadable tickets from the queue; the matcher goes on with the rest', async () => {
    const { redis, d, warnedKeys } = setup();
    const [a, b] = await characters(db, 2);
    await joinQueue(d, { characterId: a!, request: ARENA_1V1 });
    await joinQueue(d, { characterId: b!, request: ARENA_1V1 });
    // older than theirs, so first in the queue
    const planted: Record<string, string> = {
      garbage: 'garbage',
      half: ticketJson('half').slice(0, 40),
      foreign: JSON.stringify({ ticket: 'foreign', players: [a] }),
      'no-members': ticketJson('no-members', { members: 'everyone' }),
      'bad-queue': ticketJson('bad-queue', { queue: 'arena_2v2' }),
      // well-formed, but not what its key says: another ticket's, or another queue's
      'not-mine': ticketJson('someone-else'),
      dungeon: ticketJson('dungeon', { queue: 'dungeon' }),
    };
    for (const [id, json] of Object.entries(planted)) {
      await redis.zadd(QUEUE, 0, id);
      await redis.set(`mm:ticket:${id}`, json);
    }

    const { formed } = await runMatchmakerTick(d);
    expect(
      formed.map((m) =>
        m.teams
          .flat()
          .map((t) => t.leaderId)
          .sort(),
      ),
    ).toEqual([[a, b].sort()]);
    expect(await redis.zrange(QUEUE, '0', '-1')).toEqual([]);
    for (const id of Object.keys(planted)) expect(await redis.exists(`mm:ticket:${id}`)).toBe(0);
    expect(warnedKeys().sort()).toEqual(
      Object.keys(planted)
        .map((id) => `mm:ticket:${id}`)
        .sort(),
    );
  });

  for (const matcherFirst of [false, true])
    it(`a member whose ticket went unreadable is not queued, may leave it and queue again${matcherFirst ? ' (the matcher dropped it first)' : ''}`, async () => {
      const { redis, store, d } = setup();
      const [c] = await characters(db, 1);
      await joinQueue(d, { characterId: c!, request: ARENA_1V1 });
      const w = await store.whereabouts(c!);
      if (w?.kind !== 'queued') throw new Error('not queued');
      const old = w.ticket.id;
      await redis.set(`mm:ticket:${old}`, ticketJson(old, { members: null }));
      if (matcherFirst) {
        await runMatchmakerTick(d);
        expect(await redis.exists(`mm:ticket:${old}`)).toBe(0);
      }

      expect(await store.whereabouts(c!)).toBeNull();
      // the spot is still taken: leaving frees it (there was no ticket to take out)
      await expectDomainError(joinQueue(d, { characterId: c!, request: ARENA_1V1 }), 'CONFLICT');
      await expectDomainError(leaveQueue(d, { characterId: c! }), 'NOT_FOUND');
      expect(await joinQueue(d, { characterId: c!, request: ARENA_1V1 })).toMatchObject({
        state: 'queued',
      });
      const now = await store.whereabouts(c!);
      if (now?.kind !== 'queued') throw new Error('not queued again');
      expect(now.ticket.id).not.toBe(old);
      // the unreadable one is out of the queue; the new ticket waits for an opponent
      await runMatchmakerTick(d);
      expect(await redis.zrange(QUEUE, '0', '-1')).toEqual([now.ticket.id]);
    });

  it('withdrawing an unreadable ticket by id takes it out of its queue', async () => {
    const { redis, store } = setup();
    await redis.zadd(QUEUE, 0, 'x');
    await redis.set('mm:ticket:x', '{"id":"x"');
    expect(await store.withdraw('arena_1v1', 'x')).toBe(true);
    expect(await redis.zrange(QUEUE, '0', '-1')).toEqual([]);
  });

  it('an unreadable match is no match: no answer reaches it and the sweep lets it go', async () => {
    const { redis, store, d, warnedKeys } = setup();
    const [x, y] = await characters(db, 2);
    await joinQueue(d, { characterId: x!, request: ARENA_1V1 });
    await joinQueue(d, { characterId: y!, request: ARENA_1V1 });
    const [m] = (await runMatchmakerTick(d)).formed;
    const key = `mm:match:${m!.id}`;
    // another version's match: teams of ids, not of tickets (its expiry kept)
    const { teams: _teams, ...rest } = m!;
    await redis.set(key, JSON.stringify({ ...rest, teams: [[x], [y]] }), 'KEEPTTL');
    expect(await redis.pttl(key)).toBeGreaterThan(0);

    expect(await store.match(m!.id)).toBeNull();
    expect(await store.whereabouts(x!)).toBeNull();
    await expectDomainError(
      answerReadyCheck(d, { characterId: x!, matchId: m!.id, accept: true }),
      'NOT_FOUND',
    );
    d.clock.advance(READY_CHECK_MS);
    expect(await runMatchmakerTick(d)).toEqual({ formed: [], dissolved: [] });
    expect(await redis.zrange('mm:ready-checks', '0', '-1')).toEqual([]);
    expect(warnedKeys().every((k) => k === key)).toBe(true);
  });

  it('recent waits leave out entries that are not numbers', async () => {
    const { redis, store } = setup();
    await redis.rpush('mm:waits:arena_1v1', '1500', 'NaN', 'garbage', '{"ms":5}', '', '-40');
    expect(await store.recentWaits('arena_1v1')).toEqual([1500, -40]);
  });
});
