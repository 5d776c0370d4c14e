// Presence through the real sim: friends see a character arrive, go AFK after five
// idle minutes (the periodic sweep), come back on its next command and leave;
// the friends list reads the same from PostgreSQL.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AFK_AFTER_MS, PRESENCE_LEAVE_GRACE_MS, instanceZoneId } from '@necp/shared';
import { listFriends } from '@necp/game';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';
import { sweepPresence } from './presence';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

describe('friend presence', () => {
  it('arrives, goes AFK, comes back and leaves — live and in the friends list', async () => {
    const a = await createPlayerAt(db, 40, 110);
    const b = await createPlayerAt(db, 60, 120);
    await db.friendship.createMany({
      data: [
        { characterId: a.characterId, friendId: b.characterId },
        { characterId: b.characterId, friendId: a.characterId },
      ],
    });
    const { client: ca } = await sim.join(a);
    const { client: cb } = await sim.join(b);
    expect(await ca.next('friend:presence')).toEqual({
      id: b.characterId,
      name: b.character.name,
      status: 'online',
      zoneId: 'watson',
    });
    const seen = async () =>
      (await listFriends(sim.deps, a.characterId)).friends.find((f) => f.id === b.characterId);
    expect(await seen()).toMatchObject({ status: 'online', zoneId: 'watson' });

    // five idle minutes later the sweep marks b AFK (a keeps moving)
    sim.clock.advance(AFK_AFTER_MS - 1000);
    await ca.command('zone:move', { seq: 1, dx: 1, dy: 0, ms: 50 });
    sim.clock.advance(2000);
    await sweepPresence(sim.deps, sim.server.pushes, sim.server.sessions);
    expect(await ca.next('friend:presence')).toMatchObject({ id: b.characterId, status: 'afk' });
    // b is not told of its own AFK. (It may hear that a is online: a's arrival is
    // announced after a's welcome, and on a busy machine only once b is in its room.)
    await cb.sync();
    expect(cb.take('friend:presence').filter((m) => m.id === b.characterId)).toEqual([]);
    expect((await seen())?.status).toBe('afk');

    // any command brings it back; a ping does not
    await cb.command('net:ping', { t: 1 });
    await ca.sync();
    expect(ca.take('friend:presence')).toEqual([]);
    await cb.command('chat:send', { channel: 'district', text: 'back' });
    expect(await ca.next('friend:presence')).toMatchObject({ id: b.characterId, status: 'online' });

    cb.close();
    // offline once no connection took the character back within the grace
    await ca.sync();
    expect(ca.take('friend:presence')).toEqual([]);
    sim.clock.advance(PRESENCE_LEAVE_GRACE_MS);
    expect(await ca.next('friend:presence')).toMatchObject({
      id: b.characterId,
      status: 'offline',
      zoneId: null,
    });
    expect((await seen())?.status).toBe('offline');
  });

  it('entering an instance (a reconnect to another zone) is not going offline; logging out is', async () => {
    const a = await createPlayerAt(db, 40, 110);
    const b = await createPlayerAt(db, 60, 120);
    await db.friendship.createMany({
      data: [
        { characterId: a.characterId, friendId: b.characterId },
        { characterId: b.characterId, friendId: a.characterId },
      ],
    });
    const { client: ca } = await sim.join(a);
    const { client: cb } = await sim.join(b);
    expect(await ca.next('friend:presence')).toMatchObject({ id: b.characterId, status: 'online' });

    // b is sent into a dungeon: its socket closes and it reconnects to the instance
    const matchId = randomUUID();
    expect(
      await sim.server.instances.open({
        matchId,
        queue: 'dungeon',
        kind: 'dungeon',
        bracket: null,
        teams: [[b.characterId]],
      }),
    ).toBe(true);
    expect(await cb.next('instance:transfer')).toMatchObject({ direction: 'enter' });
    cb.close();
    // the client takes a moment to fetch its ticket
    sim.clock.advance(PRESENCE_LEAVE_GRACE_MS / 3);
    const { client: cb2, welcome } = await sim.join(b);
    const zoneId = instanceZoneId('dungeon-arasaka-vault', matchId);
    expect(welcome.zone.id).toBe(zoneId);
    // a hears where b is now — never that it left
    expect(await ca.next('friend:presence')).toEqual({
      id: b.characterId,
      name: b.character.name,
      status: 'online',
      zoneId,
    });
    sim.clock.advance(PRESENCE_LEAVE_GRACE_MS);
    await new Promise((r) => setTimeout(r, 1_500));
    await ca.sync();
    expect(ca.take('friend:presence')).toEqual([]);
    expect(
      (await listFriends(sim.deps, a.characterId)).friends.find((f) => f.id === b.characterId),
    ).toMatchObject({ status: 'online', zoneId });

    // a real logout: offline after the grace
    cb2.close();
    await new Promise((r) => setTimeout(r, 1_500));
    await ca.sync();
    expect(ca.take('friend:presence')).toEqual([]);
    sim.clock.advance(PRESENCE_LEAVE_GRACE_MS);
    expect(await ca.next('friend:presence')).toMatchObject({
      id: b.characterId,
      status: 'offline',
    });
  });
});
