// Chat across two sim nodes sharing Redis (the Socket.IO adapter): a whisper, a
// district message and a block cross processes, a mute set while both run holds
// for the very next message, and the flood limit is one budget across nodes.
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { muteAccount } from '@necp/game';
import { connectClient, type TestClient } from '../testing/test-client';
import { redisIsUp, REDIS_URL } from '../testing/redis-up';
import { testDb } from '../testing/test-db';
import { bootTestSim, createPlayerAt, type TestSim } from '../testing/test-sim';

const url = REDIS_URL;
const redisUp = await redisIsUp();

const db = testDb();
afterAll(() => db.$disconnect());

async function on(sim: TestSim, x: number, y: number) {
  const p = await createPlayerAt(db, x, y);
  const { client } = await connectClient(sim.server.port, {
    ticket: await sim.ticket(p.userId, p.characterId),
  });
  await client.next('chat:history');
  await client.next('party:update');
  return { ...p, client, name: p.character.name };
}

describe.skipIf(!redisUp)('chat across two sim nodes (Redis)', () => {
  it('whispers, district messages, blocks and mutes cross processes', async () => {
    const redisA = new Redis(url);
    const redisB = new Redis(url);
    const a = await bootTestSim(db, { redis: redisA });
    const b = await bootTestSim(db, { redis: redisB, clock: a.clock });
    const clients: TestClient[] = [];
    try {
      const x = await on(a, 40, 110);
      const y = await on(b, 60, 120);
      clients.push(x.client, y.client);

      // a whisper from node A reaches the character on node B (the target is online there)
      expect(
        await x.client.command('chat:send', { channel: 'whisper', to: y.name, text: 'across' }),
      ).toMatchObject({
        ok: true,
      });
      expect(await y.client.next('chat:message')).toMatchObject({
        channel: 'whisper',
        from: x.name,
        text: 'across',
      });
      // the sender's own copy
      expect(await x.client.next('chat:message')).toMatchObject({ text: 'across' });

      // the same district on both nodes hears it
      await y.client.command('chat:send', { channel: 'district', text: 'from node b' });
      expect(await x.client.next('chat:message')).toMatchObject({
        text: 'from node b',
        from: y.name,
      });

      // y (on B) ignores x (on A): x's district message skips y, wherever it is broadcast from
      expect(await y.client.command('chat:ignore', { name: x.name })).toMatchObject({ ok: true });
      await x.client.command('chat:send', { channel: 'district', text: 'ignored by y' });
      expect(await x.client.next('chat:message')).toMatchObject({ text: 'ignored by y' });
      await y.client.sync();
      expect(y.client.take('chat:message').map((m) => m.text)).not.toContain('ignored by y');

      // a party invitation (y on B invites x on A: y blocks x, so not the other way) and
      // party chat cross processes too
      expect(await y.client.command('party:invite', { name: x.name })).toMatchObject({ ok: true });
      const invited = await x.client.next('party:invited');
      expect(await x.client.command('party:accept', { inviteId: invited.inviteId })).toMatchObject({
        ok: true,
      });
      expect((await y.client.next('party:update')).party?.members).toHaveLength(2);
      await y.client.command('chat:send', { channel: 'party', text: 'party across nodes' });
      expect(await x.client.next('chat:message')).toMatchObject({
        channel: 'party',
        text: 'party across nodes',
      });

      // a moderator's mute (written once, read by every node from PostgreSQL) stops x's next message
      await muteAccount(a.deps, {
        userId: x.userId,
        minutes: 5,
        reason: 'flooding',
        byUserId: y.userId,
      });
      expect(
        await x.client.command('chat:send', { channel: 'district', text: 'still talking' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'You are muted for 5 more minutes: flooding' },
      });
    } finally {
      for (const c of clients) c.close();
      await a.close();
      await b.close();
      redisA.disconnect();
      redisB.disconnect();
    }
  });
});
