import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { disposeTestRedis, testRedis, testRedisPrefix } from '@necp/game/testing';
import { emitTo, toCharacters } from '@necp/shared';
import { expectRefused, connectClient } from './testing/test-client';
import { redisIsUp, REDIS_URL } from './testing/redis-up';
import { testDb } from './testing/test-db';
import { bootTestSim, createPlayerAt } from './testing/test-sim';

const url = REDIS_URL;
const redisUp = await redisIsUp();

const db = testDb();
afterAll(() => db.$disconnect());

// Runs against the real Redis of the test environment (README: tests default to 127.0.0.1:6379).
describe.skipIf(!redisUp)('sim with Redis', () => {
  it('two sim nodes share the ticket replay guard, the Socket.IO adapter and character rooms', async () => {
    // two nodes of one deployment: one namespace of the test's own
    const prefix = testRedisPrefix('srv');
    const redisA = testRedis(prefix);
    const redisB = testRedis(prefix);
    const a = await bootTestSim(db, { redis: redisA });
    const b = await bootTestSim(db, { redis: redisB, clock: a.clock });
    try {
      const p = await createPlayerAt(db);
      const ticket = await a.ticket(p.userId, p.characterId);
      const { client, welcome } = await connectClient(a.server.port, { ticket });
      expect(welcome.self.characterId).toBe(p.characterId);

      // the same ticket replayed against the other node is refused there too
      const r = await expectRefused(b.server.port, { ticket });
      expect(r).toMatchObject({
        message: 'ticket already used',
        data: { code: 'UNAUTHENTICATED' },
      });

      // node B sees node A's socket through the adapter
      const sockets = await b.server.io.fetchSockets();
      expect(sockets.map((s) => s.id)).toContain(client.socket.id);

      // a notice sent from node B reaches the character's room on node A
      const msg = { questId: 'q_test', title: 'Test Gig', kind: 'ready' } as const;
      b.server.pushes([emitTo(toCharacters(p.characterId), 'quest:update', msg)]);
      expect(await client.next('quest:update')).toEqual(msg);
      client.close();
    } finally {
      await a.close();
      await b.close();
      redisB.disconnect();
      await disposeTestRedis(redisA);
    }
  });

  it('two deployments (REDIS_PREFIX) on one Redis share neither broadcasts nor ticket guards', async () => {
    const prefixA = testRedisPrefix('dep-a');
    const prefixB = testRedisPrefix('dep-b');
    const redisA = testRedis(prefixA);
    const redisB = testRedis(prefixB);
    const a = await bootTestSim(db, { redis: redisA });
    const b = await bootTestSim(db, { redis: redisB, clock: a.clock });
    const raw = new Redis(url);
    try {
      const p = await createPlayerAt(db);
      const ticket = await a.ticket(p.userId, p.characterId);
      const { client } = await connectClient(a.server.port, { ticket });

      // deployment B neither sees A's socket nor reaches A's character rooms
      expect((await b.server.io.fetchSockets()).map((s) => s.id)).not.toContain(client.socket.id);
      const fromB = { questId: 'q_from_b', title: 'Wrong Deployment', kind: 'ready' } as const;
      b.server.pushes([emitTo(toCharacters(p.characterId), 'quest:update', fromB)]);
      // while deployment A's own broadcast does arrive (and arrives after B's would have)
      const fromA = { questId: 'q_from_a', title: 'Own Deployment', kind: 'ready' } as const;
      a.server.pushes([emitTo(toCharacters(p.characterId), 'quest:update', fromA)]);
      expect(await client.next('quest:update')).toEqual(fromA);
      await client.sync();
      expect(client.pending('quest:update')).toBe(0);

      // the ticket guard lives in A's namespace only
      expect(await raw.keys(`${prefixA}:sim:jti:*`)).toHaveLength(1);
      expect(await raw.keys(`${prefixB}:sim:jti:*`)).toHaveLength(0);
      client.close();
    } finally {
      await a.close();
      await b.close();
      raw.disconnect();
      await disposeTestRedis(redisA);
      await disposeTestRedis(redisB);
    }
  });
});
