/**
 * The frame of the tests of the sim's outbox wiring and of the live worker role
 * (worker/outbox-wiring.test.ts, worker/live-worker.test.ts): a sim per test on the
 * PostgreSQL bus, and stand-ins for the domain's outbox subscribers.
 */
import { databaseUrlOf, type Db } from '@necp/db';
import { emitTo, toCharacters, type Push } from '@necp/shared';
import type { OutboxEventType, OutboxSubscriber } from '@necp/game';
import type { SimSubscriberFactories } from '../worker/outbox-wiring';
import { simPerTest } from './sim-per-test';
import type { TestSim } from './test-sim';

/**
 * A sim per test (simPerTest) on the file's outbox database `db`, as in production without
 * Redis: the worker, a process of its own, reaches the sim's sockets through PostgreSQL's
 * LISTEN/NOTIFY (net/cluster-bus.ts). Returns the database's URL.
 */
export function simPerTestOnPostgresBus(db: Db, set: (sim: TestSim) => void): string {
  const dbUrl = databaseUrlOf(db) ?? '';
  simPerTest(db, set, { postgresBus: dbUrl });
  return dbUrl;
}

/**
 * Subscribers standing in for the domain's: for each area.entered event of this
 * test (its keys carry `prefix`) they notify the character after commit, as the
 * quest and reputation subscribers do.
 */
export function testFactories(prefix: string): SimSubscriberFactories {
  const sub = (name: string, push: (characterId: string) => Push): OutboxSubscriber => ({
    name: `${name}-${prefix}`,
    types: ['area.entered'],
    handle: async (_tx, e, ctx) => {
      if (e.type !== 'area.entered' || !e.key.startsWith(prefix)) return;
      ctx.push(push(e.payload.characterId));
    },
  });
  // the access and stats reactions are not what these tests look at: they do nothing
  const noop = (name: string, type: OutboxEventType): OutboxSubscriber => ({
    name: `${name}-${prefix}`,
    types: [type],
    handle: async () => undefined,
  });
  return {
    access: () => noop('access', 'account.access_changed'),
    stats: () => noop('stats', 'character.stats_changed'),
    titles: () => noop('titles', 'character.title_changed'),
    guild: () => noop('guild', 'guild.member_joined'),
    blocks: () => noop('blocks', 'character.block_changed'),
    notifications: () => noop('notifications', 'notification.created'),
    achievements: () => noop('achievements', 'npc.killed'),
    renown: () => noop('renown', 'quest.completed'),
    contracts: () => noop('contracts', 'npc.killed'),
    quests: () =>
      sub('quests', (characterId) =>
        emitTo(toCharacters(characterId), 'quest:update', {
          questId: 'q_test',
          title: 'Test Gig',
          kind: 'progress',
          objective: { id: 'reach', label: 'Reach the market', progress: 1, target: 1 },
        }),
      ),
    reputation: () =>
      sub('reputation', (characterId) =>
        emitTo(toCharacters(characterId), 'reputation:changed', {
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
