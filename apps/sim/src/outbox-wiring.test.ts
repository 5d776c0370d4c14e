import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { zoneById } from '@necp/shared';
import {
  DAILY_CLEANUP_CRONTAB,
  DAILY_CLEANUP_TASK,
  drainOutbox,
  recordAreaEntered,
  type OutboxSubscriber,
} from '@necp/game';
import {
  roomNotifier,
  simOutboxSubscribers,
  simScheduledJobs,
  type SimSubscriberFactories,
} from './outbox-wiring';
import { testDb } from './testing/test-db';
import { bootTestSim, createPlayerAt, type TestSim } from './testing/test-sim';

const db = testDb();
let sim: TestSim;
beforeEach(async () => {
  sim = await bootTestSim(db);
});
afterEach(() => sim.close());
afterAll(() => db.$disconnect());

/**
 * Subscribers standing in for the domain's: for each area.entered event of this
 * test (its keys carry `prefix`) they notify the character after commit, as the
 * quest and reputation subscribers do.
 */
function testFactories(prefix: string): SimSubscriberFactories {
  const sub = (name: string, notify: (characterId: string) => void): OutboxSubscriber => ({
    name: `${name}-${prefix}`,
    types: ['area.entered'],
    handle: async (_tx, e, ctx) => {
      if (e.type !== 'area.entered' || !e.key.startsWith(prefix)) return;
      const { characterId } = e.payload;
      ctx.afterCommit(() => notify(characterId));
    },
  });
  return {
    quests: (o) =>
      sub('quests', (characterId) =>
        o.notify(characterId, {
          questId: 'q_test',
          title: 'Test Gig',
          kind: 'progress',
          objective: { id: 'reach', label: 'Reach the market', progress: 1, target: 1 },
        }),
      ),
    reputation: (o) =>
      sub('reputation', (characterId) =>
        o.notify(characterId, {
          changes: [
            {
              factionId: 'fixers',
              factionName: 'Fixer Network',
              delta: 10,
              standing: 10,
              tier: 'neutral',
              tierChanged: false,
            },
          ],
          source: 'test',
        }),
      ),
  };
}

const enter = (characterId: string, key: string) =>
  recordAreaEntered(sim.deps, { characterId, zoneId: 'watson', areaId: 'kabuki_market', key });

describe('outbox notices', () => {
  it("reach the character's socket only — also after it rode the metro", async () => {
    const prefix = uniq('wiring:');
    const a = await createPlayerAt(db, 40, 110);
    const b = await createPlayerAt(db, 44, 110);
    const ca = (await sim.join(a)).client;
    const cb = (await sim.join(b)).client;
    const subs = simOutboxSubscribers(sim.deps, roomNotifier(sim.server.io), testFactories(prefix));

    await enter(a.characterId, `${prefix}:1`);
    await drainOutbox(sim.deps, subs, { untilEmpty: true });
    expect(await ca.next('quest:update')).toMatchObject({ questId: 'q_test', kind: 'progress' });
    expect(await ca.next('reputation:changed')).toMatchObject({ source: 'test' });
    await cb.sync();
    expect(cb.pending('quest:update') + cb.pending('reputation:changed')).toBe(0);

    // the room belongs to the character, not the zone: B rides to Westbrook and still hears
    const metro = zoneById('watson')?.spawnPoints.find((s) => s.kind === 'metro_station');
    const c = await createPlayerAt(db, metro?.x ?? 0, metro?.y ?? 0);
    const cc = (await sim.join(c)).client;
    expect(await cc.command('zone:travel', { to: 'westbrook' })).toMatchObject({ ok: true });
    await enter(c.characterId, `${prefix}:2`);
    await drainOutbox(sim.deps, subs, { untilEmpty: true });
    expect(await cc.next('quest:update')).toMatchObject({ questId: 'q_test' });
    await ca.sync();
    expect(ca.pending('quest:update')).toBe(0);
  });

  it('a notice after the socket closed goes nowhere and breaks nothing', async () => {
    const prefix = uniq('wiring-gone:');
    const a = await createPlayerAt(db, 40, 110);
    const { client } = await sim.join(a);
    client.close();
    const subs = simOutboxSubscribers(sim.deps, roomNotifier(sim.server.io), testFactories(prefix));
    await enter(a.characterId, `${prefix}:1`);
    const r = await drainOutbox(sim.deps, subs, { untilEmpty: true });
    expect(r.failures).toBe(0);
    const row = await db.outboxEvent.findUniqueOrThrow({
      where: { key: `${prefix}:1` },
      include: { consumptions: true },
    });
    expect(row.publishedAt).not.toBeNull();
    expect(row.consumptions.map((c) => c.subscriber).toSorted()).toEqual([
      `quests-${prefix}`,
      `reputation-${prefix}`,
    ]);
  });
});

describe('the default wiring', () => {
  it("registers the domain's quests and reputation subscribers and the daily cleanup job", () => {
    const subs = simOutboxSubscribers(sim.deps, roomNotifier(sim.server.io));
    expect(subs.size).toBe(2);
    const jobs = simScheduledJobs(sim.deps);
    expect(Object.keys(jobs.tasks)).toEqual([DAILY_CLEANUP_TASK]);
    expect(jobs.crontab).toEqual([DAILY_CLEANUP_CRONTAB]);
  });
});
