import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { roomNotifier } from './outbox-wiring';
import { expectRefused, connectClient } from './testing/test-client';
import { testDb } from './testing/test-db';
import { bootTestSim, createPlayerAt } from './testing/test-sim';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const probe = new Redis(url, {
  lazyConnect: true,
  maxRetriesPerRequest: 0,
  retryStrategy: () => null,
});
const redisUp = await probe.connect().then(
  () => true,
  () => false,
);
probe.disconnect();

const db = testDb();
afterAll(() => db.$disconnect());

// Runs against the real Redis of the test environment (README: tests default to 127.0.0.1:6379).
describe.skipIf(!redisUp)('sim with Redis', () => {
  it('two sim nodes share the ticket replay guard, the Socket.IO adapter and character rooms', async () => {
    const redisA = new Redis(url);
    const redisB = new Redis(url);
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
      roomNotifier(b.server.io).quest(p.characterId, msg);
      expect(await client.next('quest:update')).toEqual(msg);
      client.close();
    } finally {
      await a.close();
      await b.close();
      redisA.disconnect();
      redisB.disconnect();
    }
  });
});
