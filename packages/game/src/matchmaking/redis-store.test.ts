import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { READY_CHECK_MS } from '@necp/shared';
import { FakeClock } from '../core/clock';
import { disposeTestRedis, testDb } from '../accounts/test-deps';
import { joinQueue } from './join-queue';
import { describeMatchmakingBehaviour } from './queue-behaviour';
import { describeLevelBehaviour } from './queue-levels-behaviour';
import { answerReadyCheck, expireReadyCheck } from './ready-check';
import { RedisMatchmakingStore } from './redis-store';
import { releaseMatch } from './release-match';
import { runMatchmakerTick } from './run-matchmaker';
import { characters, mmDeps } from './test-helpers';
import { matchMemberIds, type MatchRecord, type QueueTicket } from './tickets';

const url = () => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Clients sharing one random namespace: several processes of one deployment. */
function namespace() {
  const keyPrefix = `necp-test:${randomBytes(4).toString('hex')}:`;
  const clients: Redis[] = [];
  return {
    keyPrefix,
    client() {
      const c = new Redis(url(), { keyPrefix });
      clients.push(c);
      return c;
    },
    async close() {
      const [first, ...rest] = clients;
      for (const c of rest) c.disconnect();
      if (first) await disposeTestRedis(first);
    },
  };
}

const redisHarness = {
  async open() {
    const ns = namespace();
    const store = new RedisMatchmakingStore(ns.client());
    return { store, peer: () => new RedisMatchmakingStore(ns.client()), close: () => ns.close() };
  },
};
describeMatchmakingBehaviour('Redis', redisHarness);
describeLevelBehaviour('Redis', redisHarness);

describe('two matcher processes on one Redis', () => {
  const db = testDb();
  afterAll(() => db.$disconnect());
  let open: ReturnType<typeof namespace>[] = [];
  afterEach(async () => {
    for (const ns of open) await ns.close();
    open = [];
  });
  function twoProcesses() {
    const ns = namespace();
    open.push(ns);
    const clock = new FakeClock();
    const a = mmDeps(db, new RedisMatchmakingStore(ns.client()), clock);
    const b = mmDeps(db, new RedisMatchmakingStore(ns.client()), clock);
    return { a, b, clock, ns };
  }

  it('keeps every key in the deployment namespace', async () => {
    const { a, ns } = twoProcesses();
    const [c] = await characters(db, 1);
    await joinQueue(a, { characterId: c!, request: { queue: 'arena', bracket: '1v1' } });
    const raw = new Redis(url());
    try {
      const keys = (await raw.keys(`${ns.keyPrefix}mm:*`)).sort();
      expect(keys).toHaveLength(3);
      expect(keys[0]).toBe(`${ns.keyPrefix}mm:queue:arena_1v1`);
      expect(keys[1]).toMatch(new RegExp(`^${ns.keyPrefix}mm:ticket:`));
      expect(keys[2]).toBe(`${ns.keyPrefix}mm:who:${c}`);
      expect(await raw.keys('mm:*')).toEqual([]);
    } finally {
      raw.disconnect();
    }
  });

  // 12 rounds of 48 joins against two matchers on Redis: 16 s on a loaded 2-core VM
  it('running the matcher at once, many times, never puts a character in two matches', async () => {
    const { a, b } = twoProcesses();
    const players = await characters(db, 48);
    const procs = [a, b];
    let matches = 0;
    for (let round = 0; round < 12; round++) {
      // queue whoever is free (through either process) while both matchers tick
      const joins = players.map((id, i) =>
        joinQueue(procs[(i + round) % 2]!, {
          characterId: id,
          request:
            i % 3 === 0 ? { queue: 'arena', bracket: '3v3' } : { queue: 'arena', bracket: '1v1' },
        }).catch((e: unknown) => (e instanceof Error && 'code' in e ? null : Promise.reject(e))),
      );
      const ticks = await Promise.all([
        runMatchmakerTick(a),
        runMatchmakerTick(b),
        ...joins,
        runMatchmakerTick(b),
        runMatchmakerTick(a),
      ]);
      const formed = ticks.flatMap((t) => (t && 'formed' in t ? t.formed : []));
      const inMatch = new Map<string, string>();
      for (const m of formed)
        for (const id of matchMemberIds(m)) {
          expect(inMatch.get(id), `${id} in two matches`).toBeUndefined();
          inMatch.set(id, m.id);
        }
      // what the store says agrees: each matched character's one place is that match
      for (const [id, matchId] of inMatch) {
        const w = await a.store.whereabouts(id);
        expect(w?.kind === 'match' && w.match.id).toBe(matchId);
      }
      matches += formed.length;
      // play them out: everyone accepts (through either process), the instance ends
      for (const m of formed) {
        const answers = await Promise.all(
          matchMemberIds(m).map((id, i) =>
            answerReadyCheck(procs[i % 2]!, { characterId: id, matchId: m.id, accept: true }),
          ),
        );
        expect(answers.filter((x) => x.state === 'confirmed')).toHaveLength(1);
        expect(await releaseMatch(b, { matchId: m.id })).toBe(true);
      }
    }
    expect(matches).toBeGreaterThan(12 * 5);
  }, 60_000);

  it('overlapping claims from two processes: exactly one wins each ticket', async () => {
    const { a, b, clock } = twoProcesses();
    const ids = await characters(db, 8);
    for (let round = 0; round < 30; round++) {
      const tickets: QueueTicket[] = ids.map((characterId) => ({
        id: randomUUID(),
        queue: 'arena_1v1',
        leaderId: characterId,
        partyId: null,
        members: [{ characterId, name: characterId, level: 1, role: null, rating: 1500 }],
        rating: 1500,
        enqueuedAt: clock.ms(),
      }));
      for (const t of tickets) expect(await a.store.enqueue(t)).toEqual({ ok: true });
      const record = (x: QueueTicket, y: QueueTicket): MatchRecord => ({
        id: randomUUID(),
        queue: 'arena_1v1',
        kind: 'arena',
        bracket: '1v1',
        teams: [[x], [y]],
        formedAt: clock.ms(),
        deadline: clock.ms() + READY_CHECK_MS,
      });
      // each process claims a chain of overlapping pairs, in a different order
      const pairs = tickets.map((t, i) => record(t, tickets[(i + 1) % tickets.length]!));
      const shuffled = [...pairs].sort(() => Math.random() - 0.5);
      const results = await Promise.all([
        ...pairs.map(async (m) => ((await a.store.claim(m)) ? m : null)),
        ...shuffled.map(async (m) => ((await b.store.claim(m)) ? m : null)),
      ]);
      const won = results.filter((m): m is MatchRecord => m !== null);
      const members = won.flatMap(matchMemberIds);
      expect(new Set(members).size).toBe(members.length);
      // clean up: release each won match's members by dissolving it
      for (const m of won) expect(await a.store.dissolve(m, { requeue: [] })).toBe(true);
      for (const t of tickets) await a.store.leave(t.leaderId);
      for (const id of ids) expect(await a.store.whereabouts(id)).toBeNull();
    }
  });

  it('a ready check dissolves once, and penalises once, when both processes sweep it', async () => {
    const { a, b, clock } = twoProcesses();
    const [x, y] = await characters(db, 2);
    await joinQueue(a, { characterId: x!, request: { queue: 'arena', bracket: '1v1' } });
    await joinQueue(b, { characterId: y!, request: { queue: 'arena', bracket: '1v1' } });
    const [m] = (await runMatchmakerTick(a)).formed;
    await answerReadyCheck(b, { characterId: x!, matchId: m!.id, accept: true });
    clock.advance(READY_CHECK_MS);
    const [ta, tb, ea, eb] = await Promise.all([
      runMatchmakerTick(a, { queues: [] }),
      runMatchmakerTick(b, { queues: [] }),
      expireReadyCheck(a, { matchId: m!.id }),
      expireReadyCheck(b, { matchId: m!.id }),
    ]);
    const all = [...ta.dissolved, ...tb.dissolved, ea, eb].filter((d) => d !== null);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ requeued: [x], penalised: [{ characterId: y }] });
    expect((await db.queuePenalty.findUniqueOrThrow({ where: { characterId: y! } })).count).toBe(1);
  });
});
