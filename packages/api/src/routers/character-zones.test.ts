import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter } from '@necp/db/testing';
import { RedisZoneLeases } from '@necp/game';
import { rejection, signedIn, testDb, testDeps } from '../testing';
import { disposeTestRedis, testRedis, testRedisPrefix } from '@necp/game/testing';

const db = testDb();
// a deployment of its own on the shared Redis, so no other test's leases are seen
const redis = testRedis(testRedisPrefix('zones'));
afterAll(async () => {
  await disposeTestRedis(redis);
  await db.$disconnect();
});

describe('character.enter across sim processes (Redis zone leases)', () => {
  it("mints the ticket for the URL of the process that owns the character's zone", async () => {
    const deps = { ...testDeps(db), redis };
    const { user, caller } = await signedIn(deps, db);
    const inWatson = await createTestCharacter(db, user.id, { zoneId: 'watson' });
    const inWestbrook = await createTestCharacter(db, user.id, { zoneId: 'westbrook' });

    // nobody owns the zones yet: retry later, nothing written
    expect(await rejection(caller.character.enter({ characterId: inWatson.id }))).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: 'That district is starting up. Try again in a few seconds.',
    });
    expect(
      (await db.character.findUniqueOrThrow({ where: { id: inWatson.id } })).lastPlayedAt,
    ).toBeNull();

    const a = new RedisZoneLeases(redis, { ownerId: 'sim-a', url: 'http://sim-a:3001' });
    const b = new RedisZoneLeases(redis, { ownerId: 'sim-b', url: 'http://sim-b:3001' });
    const watson = await a.tryAcquire('watson');
    await b.tryAcquire('westbrook');
    expect((await caller.character.enter({ characterId: inWatson.id })).simUrl).toBe(
      'http://sim-a:3001',
    );
    expect((await caller.character.enter({ characterId: inWestbrook.id })).simUrl).toBe(
      'http://sim-b:3001',
    );

    // sim-a goes away and sim-b takes Watson over: the next ticket follows
    if (watson) await a.release(watson);
    await b.tryAcquire('watson');
    expect((await caller.character.enter({ characterId: inWatson.id })).simUrl).toBe(
      'http://sim-b:3001',
    );
  });

  it('without Redis there is one sim at the configured URL', async () => {
    const deps = testDeps(db);
    const { user, caller } = await signedIn(deps, db);
    const c = await createTestCharacter(db, user.id, { zoneId: 'westbrook' });
    expect((await caller.character.enter({ characterId: c.id })).simUrl).toBe(
      'http://localhost:3001',
    );
  });
});
