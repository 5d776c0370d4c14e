// Notifications reach the character's socket through the outbox reaction (whichever
// process holds it): a friend request made through the domain (what the web API
// runs) is pushed as notification:new; one not yet visible (mail on its way) is not.
import { describe, expect, it } from 'vitest';
import { drainOutbox, notifyNow, requestFriend } from '@necp/game';
import { simOutboxSubscribers } from '../outbox-wiring';
import { outboxTestDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';

// this file drains the outbox: it has a database of its own (OUTBOX_TEST_DATABASES)
const db = outboxTestDb('simNotifications');
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

async function drain(): Promise<void> {
  const r = await drainOutbox(sim.deps, simOutboxSubscribers(sim.deps, sim.server.notifier), {
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
});
