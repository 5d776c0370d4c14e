// Matchmaking across two sim processes on one Redis (one namespace, as one
// deployment): a match formed by one process reaches a member connected to the
// other (match:found, then the ready check's progress), a player reconnecting to the
// other process finds the ready check again, and both processes' matcher loops
// running side by side never put a player in two matches.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { MatchFoundMsg } from '@necp/shared';
import { connectClient, type TestClient } from '../testing/test-client';
import { redisIsUp, REDIS_URL } from '../testing/redis-up';
import { testDb } from '../testing/test-db';
import { bootTestSim, createPlayerAt, type TestSim } from '../testing/test-sim';

const redisUp = await redisIsUp();
const db = testDb();
afterAll(() => db.$disconnect());

const ONE_V_ONE = { queue: 'arena', bracket: '1v1' } as const;

/** Two sims sharing a fresh Redis namespace (and a clock); `run` gets them, everything is closed after. */
async function twoSims(
  opts: { matcherTickMs?: number },
  run: (a: TestSim, b: TestSim, clients: TestClient[]) => Promise<void>,
) {
  const keyPrefix = `necp-test:mm-${randomBytes(4).toString('hex')}:`;
  const redises = [new Redis(REDIS_URL, { keyPrefix }), new Redis(REDIS_URL, { keyPrefix })];
  const a = await bootTestSim(db, { redis: redises[0], ...opts });
  const b = await bootTestSim(db, { redis: redises[1], clock: a.clock, ...opts });
  const clients: TestClient[] = [];
  try {
    await run(a, b, clients);
  } finally {
    for (const c of clients) c.close();
    await a.close();
    await b.close();
    const raw = new Redis(REDIS_URL);
    const keys = await raw.keys(`${keyPrefix}*`);
    if (keys.length > 0) await raw.del(...keys);
    raw.disconnect();
    for (const r of redises) r.disconnect();
  }
}

async function on(
  sim: TestSim,
  clients: TestClient[],
  p?: { userId: string; characterId: string },
) {
  const player = p ?? (await createPlayerAt(db, 40, 110));
  const { client } = await connectClient(sim.server.port, {
    ticket: await sim.ticket(player.userId, player.characterId),
  });
  clients.push(client);
  return { ...player, client, status: await client.next('match:status') };
}

// each test boots two sims: past vitest's 20 s once in a loaded clean-clone run
const SLOW = { timeout: 60_000 };

describe.skipIf(!redisUp)('matchmaking across two sim processes (Redis)', SLOW, () => {
  it('a match formed on one process reaches the member on the other', async () => {
    await twoSims({}, async (simA, simB, clients) => {
      const x = await on(simA, clients);
      const y = await on(simB, clients);
      expect(await x.client.command('match:queue', ONE_V_ONE)).toMatchObject({ ok: true });
      expect(await y.client.command('match:queue', ONE_V_ONE)).toMatchObject({ ok: true });
      // B's process sees A's ticket: one queue for both
      expect(await y.client.command('match:status', {})).toMatchObject({
        ok: true,
        data: { status: { state: 'queued', queue: 'arena_1v1' } },
      });

      // process A's matcher forms the match: y, on process B, hears of it
      expect((await simA.server.matchmaking.tick()).formed).toHaveLength(1);
      const found = await y.client.next('match:found');
      expect(await x.client.next('match:found')).toEqual(found);
      expect(
        found.teams
          .flat()
          .map((m) => m.characterId)
          .sort(),
      ).toEqual([x.characterId, y.characterId].sort());

      // y accepts on B: x, on A, sees the count
      expect(
        await y.client.command('match:answer', { matchId: found.matchId, accept: true }),
      ).toEqual({ ok: true, data: { state: 'pending' } });
      expect(await x.client.next('match:status')).toMatchObject({
        reason: 'accepted',
        status: { state: 'ready_check', acceptedCount: 1, accepted: false },
      });

      // x reconnects to process B: the ready check is there, with who is in it
      x.client.close();
      const again = await on(simB, clients, x);
      expect(again.status).toMatchObject({
        reason: 'status',
        status: {
          state: 'ready_check',
          matchId: found.matchId,
          accepted: false,
          acceptedCount: 1,
          teams: found.teams,
        },
      });
    });
  });

  it("both processes' matcher loops never match a player twice", async () => {
    await twoSims({ matcherTickMs: 15 }, async (simA, simB, clients) => {
      const players = [];
      for (let i = 0; i < 8; i++) players.push(await on(i % 2 ? simB : simA, clients));
      // queued together, while both loops run
      const acks = await Promise.all(
        players.map((p) => p.client.command('match:queue', ONE_V_ONE)),
      );
      expect(acks.every((r) => r.ok)).toBe(true);
      const founds: MatchFoundMsg[] = await Promise.all(
        players.map((p) => p.client.next('match:found')),
      );
      // some more loops run: nobody hears of a second match
      await new Promise((r) => setTimeout(r, 200));
      for (const p of players) {
        await p.client.sync();
        expect(p.client.take('match:found')).toEqual([]);
      }
      const byMatch = new Map<string, Set<string>>();
      players.forEach((p, i) => {
        const f = founds[i]!;
        expect(f.teams.flat().map((m) => m.characterId)).toContain(p.characterId);
        byMatch.set(f.matchId, (byMatch.get(f.matchId) ?? new Set()).add(p.characterId));
      });
      expect(byMatch.size).toBe(4);
      for (const members of byMatch.values()) expect(members.size).toBe(2);
    });
  });
});
