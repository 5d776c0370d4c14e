// Chat across two sim nodes sharing Redis (the Socket.IO adapter): a whisper, a
// district message and a block cross processes, guild chat reaches a member on
// the other node (moved into the guild's room by a reaction run on that other
// node), a mute set while both run holds for the very next message, and the flood
// limit is one budget across nodes.
import { blockRoomPush, guildMembershipPushes } from '@necp/game';
import { disposeTestRedis, testRedis, testRedisPrefix } from '@necp/game/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqTag } from '@necp/db/testing';
import { GUILD_CREATE_FEE } from '@necp/shared';
import {
  acceptGuildInvite,
  createGuild,
  inviteToGuild,
  muteAccount,
  recordCurrency,
} from '@necp/game';
import { connectClient, type TestClient } from '../testing/test-client';
import { redisIsUp } from '../testing/redis-up';
import { testDb } from '../testing/test-db';
import { bootTestSim, createPlayerAt, type TestSim } from '../testing/test-sim';

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
  await client.next('guild:update');
  return { ...p, client, name: p.character.name };
}

/** Founds a guild (as guild.create does). */
async function foundGuild(sim: TestSim, characterId: string): Promise<string> {
  const tag = uniqTag();
  return (await createGuild(sim.deps, { characterId, name: `Nodes ${tag}`, tag })).guildId;
}

describe.skipIf(!redisUp)('chat across two sim nodes (Redis)', () => {
  it('whispers, district messages, blocks and mutes cross processes', async () => {
    // two nodes of one deployment: one namespace of the test's own
    const prefix = testRedisPrefix('chat');
    const redisA = testRedis(prefix);
    const redisB = testRedis(prefix);
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

      // y (on B) ignores x (on A): x's district message skips y, wherever it is broadcast
      // from. The block's outbox reaction (the worker's) runs here on A
      expect(await y.client.command('chat:ignore', { name: x.name })).toMatchObject({ ok: true });
      a.server.pushes([blockRoomPush(y.characterId, x.characterId, true)]);
      await y.client.sync();
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

      // guild chat: the founder is on B; x (on A) joins through the domain (what the web
      // API runs) and the outbox reaction, run here on B (the worker's node), moves x's
      // socket on A into the guild's room through the adapter
      const founder = await on(b, 80, 130);
      clients.push(founder.client);
      await db.$transaction((tx) =>
        recordCurrency(tx, {
          reason: 'admin',
          characterId: founder.characterId,
          delta: GUILD_CREATE_FEE,
        }),
      );
      const guildId = await foundGuild(b, founder.characterId);
      b.server.pushes(guildMembershipPushes(founder.characterId, guildId, []));
      const inv = await inviteToGuild(b.deps, {
        characterId: founder.characterId,
        name: x.name,
      });
      await acceptGuildInvite(a.deps, { characterId: x.characterId, inviteId: inv.inviteId! });
      b.server.pushes(guildMembershipPushes(x.characterId, guildId, []));
      expect(await x.client.next('guild:update')).toEqual({ guildId });
      await founder.client.command('chat:send', { channel: 'guild', text: 'guild across nodes' });
      expect(await x.client.next('chat:message')).toMatchObject({
        channel: 'guild',
        text: 'guild across nodes',
        from: founder.name,
      });

      // a moderator's mute (written once, read by every node from PostgreSQL) stops x's next message
      await db.user.update({ where: { id: y.userId }, data: { role: 'MODERATOR' } });
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
      redisB.disconnect();
      await disposeTestRedis(redisA);
    }
  });
});
