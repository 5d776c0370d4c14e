// Dungeon backfill across two sim processes on one Redis: the dungeon runs on A, a
// member leaves it there; the replacement is a solo connected to B, matched by B's
// matcher from the shared queue, who accepts on B — B asks A (through the adapter)
// to add them, A pulls them out of B's open world and they reconnect into the
// dungeon on A, where the group hears that they were found.
import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { instanceZoneId } from '@necp/shared';
import { connectClient, type TestClient } from '../testing/test-client';
import { redisIsUp, REDIS_URL } from '../testing/redis-up';
import { testDb } from '../testing/test-db';
import { bootTestSim, createPlayerAt, type TestSim } from '../testing/test-sim';

const redisUp = await redisIsUp();
const db = testDb();
afterAll(() => db.$disconnect());

async function on(sim: TestSim, clients: TestClient[], p: { userId: string; characterId: string }) {
  const { client, welcome } = await connectClient(sim.server.port, {
    ticket: await sim.ticket(p.userId, p.characterId),
  });
  clients.push(client);
  await client.next('match:status');
  return { client, welcome };
}

describe.skipIf(!redisUp)('dungeon backfill across two sim processes (Redis)', () => {
  it('a solo on B fills a dungeon run on A', async () => {
    const keyPrefix = `necp-test:bf-${randomBytes(4).toString('hex')}:`;
    const redises = [new Redis(REDIS_URL, { keyPrefix }), new Redis(REDIS_URL, { keyPrefix })];
    const simA = await bootTestSim(db, { redis: redises[0] });
    const simB = await bootTestSim(db, { redis: redises[1], clock: simA.clock });
    const clients: TestClient[] = [];
    try {
      const tank = await createPlayerAt(db, 100, 110, { level: 20 });
      const dps = await createPlayerAt(db, 104, 110, { level: 20 });
      for (const p of [tank, dps]) await on(simA, clients, p);
      // the group's dungeon, opened on A with the roles they queued with
      const matchId = randomUUID();
      expect(
        await simA.server.instances.open({
          matchId,
          queue: 'dungeon',
          kind: 'dungeon',
          bracket: null,
          teams: [[tank.characterId, dps.characterId]],
          roles: { [tank.characterId]: 'tank', [dps.characterId]: 'damage' },
        }),
      ).toBe(true);
      const zoneId = instanceZoneId('dungeon-arasaka-vault', matchId);
      const inside: TestClient[] = [];
      for (const p of [tank, dps]) {
        const again = await on(simA, clients, p);
        expect(again.welcome.zone.id).toBe(zoneId);
        inside.push(again.client);
      }
      const [tankIn, dpsIn] = inside as [TestClient, TestClient];

      // the tank leaves: a backfill ticket for a tank goes into the shared queue
      expect(await tankIn.command('instance:leave', {})).toMatchObject({ ok: true });
      expect(await dpsIn.next('instance:roster')).toMatchObject({ event: 'left', searching: true });

      // a tank solo on B; B's matcher pairs them; they accept on B
      const solo = await createPlayerAt(db, 200, 210, { level: 20 });
      const s = await on(simB, clients, solo);
      expect(
        await s.client.command('match:queue', { queue: 'dungeon', role: 'tank' }),
      ).toMatchObject({ ok: true });
      expect((await simB.server.matchmaking.tick()).formed).toHaveLength(1);
      const found = await s.client.next('match:found');
      expect(found).toMatchObject({ backfill: true, queue: 'dungeon' });
      expect(
        await s.client.command('match:answer', { matchId: found.matchId, accept: true }),
      ).toMatchObject({ ok: true, data: { state: 'confirmed' } });

      // A adds them and pulls them out of B's Watson; they reconnect into the dungeon on A
      expect(await s.client.next('instance:transfer', 5_000)).toEqual({
        direction: 'enter',
        kind: 'dungeon',
        zoneName: 'Arasaka Data Vault',
      });
      expect(await dpsIn.next('instance:roster')).toMatchObject({
        event: 'found',
        characterId: solo.characterId,
      });
      await vi.waitFor(
        async () =>
          expect(
            (await db.character.findUniqueOrThrow({ where: { id: solo.characterId } })).instanceId,
          ).toBe(zoneId),
        { timeout: 20_000 },
      );
      s.client.close();
      const inA = await on(simA, clients, solo);
      expect(inA.welcome.zone.id).toBe(zoneId);
      expect(simA.server.zones.get(zoneId)!.player(solo.characterId)!.x).toBeLessThan(20);
    } finally {
      for (const c of clients) c.close();
      await simA.close();
      await simB.close();
      const raw = new Redis(REDIS_URL);
      const keys = await raw.keys(`${keyPrefix}*`);
      if (keys.length > 0) await raw.del(...keys);
      raw.disconnect();
      for (const r of redises) r.disconnect();
    }
  });
});
