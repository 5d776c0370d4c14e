// Notifications reach the character's socket through the outbox reaction (whichever
// process holds it): a friend request made through the domain (what the web API
// runs) is pushed as notification:new; one not yet visible (mail on its way) is not;
// an achievement earned (outbox subscriber `achievements`) is pushed the same way.
import { describe, expect, it } from 'vitest';
import { drainOutbox, listNotifications, notifyNow, publishEvent, requestFriend } from '@necp/game';
import { simOutboxSubscribers } from '../worker/outbox-wiring';
import { outboxTestDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';

// this file drains the outbox: it has a database of its own (OUTBOX_TEST_DATABASES)
const db = outboxTestDb('simNotifications');
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

async function drain(): Promise<void> {
  const r = await drainOutbox(sim.deps, simOutboxSubscribers(sim.deps), {
    push: sim.server.pushes,
    untilEmpty: true,
  });
  expect(r.failures).toBe(0);
}

describe('notifications over the sim socket', () => {
  it('a friend request is pushed to the recipient; a future one only once visible', async () => {
    const a = await createPlayerAt(db, 40, 110);
    const b = await createPlayerAt(db, 44, 110);
    const cb = (await sim.join(b)).client;
    await requestFriend(sim.deps, { characterId: a.characterId, name: b.character.name });
    await drain();
    expect(await cb.next('notification:new')).toMatchObject({
      kind: 'friend_request',
      title: `${a.character.name} wants to be your friend`,
    });

    await notifyNow(sim.deps, {
      characterId: b.characterId,
      kind: 'mail_arrived',
      title: 'Mail from later',
      visibleAt: new Date(sim.clock.ms() + 60_000),
    });
    await drain();
    await cb.sync();
    expect(cb.take('notification:new')).toEqual([]);
  });

  it('an achievement earned is a toast on the socket (the achievements subscriber notifies)', async () => {
    const a = await createPlayerAt(db, 40, 110);
    const ca = (await sim.join(a)).client;
    await db.$transaction((tx) =>
      publishEvent(tx, {
        type: 'character.leveled',
        key: `character.leveled:${a.characterId}:5`,
        payload: { characterId: a.characterId, level: 5, previousLevel: 4 },
      }),
    );
    await drain();
    expect(await ca.next('notification:new')).toMatchObject({
      kind: 'achievement',
      title: 'Achievement earned: No Longer a Gonk',
    });
  });

  it('a party invitation is one push: party:invited, while its bell entry waits in the list', async () => {
    const a = await createPlayerAt(db, 40, 110);
    const b = await createPlayerAt(db, 44, 110);
    const ca = (await sim.join(a)).client;
    const cb = (await sim.join(b)).client;
    expect(await ca.command('party:invite', { name: b.character.name })).toMatchObject({
      ok: true,
    });
    expect(await cb.next('party:invited')).toMatchObject({ fromId: a.characterId });
    await drain();
    await cb.sync();
    expect(cb.take('party:invited')).toEqual([]);
    expect(cb.take('notification:new')).toEqual([]);
    const list = await listNotifications(sim.deps, b.characterId);
    expect(list.items.map((n) => n.kind)).toContain('party_invite');
  });
});
