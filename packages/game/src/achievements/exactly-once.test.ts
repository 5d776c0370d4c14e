// Exactly-once under duplicate and concurrent delivery: the same event handed over
// twice (or re-queued after it was consumed) counts once; two different events that
// both cross a target, drained by racing drains, award it once — and so does the
// completion statement alone when two transactions race without the character lock.
import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { outboxTestDb, testDeps } from '../accounts/test-deps';
import { drainOutbox } from '../outbox/drain-outbox';
import { OUTBOX_EVENT_TYPES, type OutboxEvent } from '../outbox/events';
import { publishEvent } from '../outbox/publish-event';
import { OutboxSubscribers, type OutboxSubscriber } from '../outbox/subscribers';
import { recordAchievementFact } from './record-progress';
import {
  achievementSub,
  deliver,
  earnedIds,
  killEvent,
  newPlayer,
  outboxEvent,
  pointsOf,
  progressOf,
  toasts,
} from './test-helpers';

// this file drains a database of its own (OUTBOX_TEST_DATABASES)
const db = outboxTestDb('gameAchievementsExactlyOnce', 10);
afterAll(() => db.$disconnect());

/**
 * The tests share this file's database: the wrapper handles only one test's events
 * and refuses the rest, so a drain never consumes another test's event (nor the
 * notification.created events the subscriber itself publishes).
 */
function onlyMine(sub: OutboxSubscriber, keys: ReadonlySet<string>): OutboxSubscriber {
  return {
    name: sub.name,
    types: OUTBOX_EVENT_TYPES,
    async handle(tx, e: OutboxEvent, ctx) {
      if (!keys.has(e.key)) throw new Error("not this test's event: left for its own drain");
      if ((sub.types as readonly string[]).includes(e.type)) await sub.handle(tx, e, ctx);
    },
  };
}

async function publishAll(events: readonly OutboxEvent[]): Promise<Set<string>> {
  for (const e of events)
    await db.$transaction((tx) =>
      publishEvent(tx, { type: e.type, key: e.key, payload: e.payload } as never),
    );
  return new Set(events.map((e) => e.key));
}

const leveled = (characterId: string, level: number) =>
  outboxEvent(
    'character.leveled',
    { characterId, level, previousLevel: level - 1 },
    uniq('character.leveled:race-'),
  );

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('achievements are earned exactly once', () => {
  it('the same event handed over twice, one after the other and at once, counts once', async () => {
    const a = await newPlayer(db);
    const sub = achievementSub();
    const first = killEvent([a], 'tyger_claws_punk');
    await deliver(db, sub, first);
    await deliver(db, sub, first);
    const second = killEvent([a], 'tyger_claws_punk');
    await Promise.all([
      deliver(db, sub, second),
      deliver(db, sub, second),
      deliver(db, sub, second),
    ]);

    expect((await progressOf(db, a.characterId, 'ach_kills_100'))?.progress).toBe(2);
    expect((await progressOf(db, a.characterId, 'ach_tyger_claws_50'))?.progress).toBe(2);
    expect(await earnedIds(db, a.characterId)).toEqual(['ach_first_blood']);
    expect(await pointsOf(db, a.characterId)).toBe(5);
    expect(await toasts(db, a.characterId)).toEqual(['Achievement earned: First Blood']);
  });

  it('an event published twice and queued again after it was consumed is handled once', async () => {
    const deps = testDeps(db);
    const a = await newPlayer(db);
    const e = killEvent([a], 'royce', { rank: 'boss', key: uniq('npc.killed:dup-') });
    const keys = await publishAll([e, e]);
    expect(await db.outboxEvent.count({ where: { key: e.key } })).toBe(1);
    const subs = new OutboxSubscribers().subscribe(onlyMine(achievementSub(deps.clock), keys));
    expect((await drainOutbox(deps, subs, { untilEmpty: true })).delivered).toBe(1);
    // as if the drain's commit had been lost after the consumption row was written
    await db.outboxEvent.update({ where: { key: e.key }, data: { publishedAt: null } });
    expect((await drainOutbox(deps, subs, { untilEmpty: true })).delivered).toBe(0);

    expect(await earnedIds(db, a.characterId)).toEqual([
      'ach_boss_first',
      'ach_first_blood',
      'ach_royce',
    ]);
    expect(await pointsOf(db, a.characterId)).toBe(5 + 10 + 25);
    expect((await progressOf(db, a.characterId, 'ach_kills_100'))?.progress).toBe(1);
  });

  it('two events that both cross a target, drained by racing drains, award it once', async () => {
    const deps = testDeps(db);
    const players = await Promise.all(Array.from({ length: 4 }, () => newPlayer(db)));
    const events = players.flatMap((p) => [
      leveled(p.characterId, 5),
      leveled(p.characterId, 6),
      killEvent([p], 'watson_scavenger', { key: uniq('npc.killed:race-') }),
      killEvent([p], 'watson_scavenger', { key: uniq('npc.killed:race-') }),
    ]);
    const keys = await publishAll(events);
    const subs = new OutboxSubscribers().subscribe(onlyMine(achievementSub(deps.clock), keys));
    await Promise.all([
      drainOutbox(deps, subs, { untilEmpty: true, batch: 2 }),
      drainOutbox(deps, subs, { untilEmpty: true, batch: 2 }),
      drainOutbox(deps, subs, { untilEmpty: true, batch: 3 }),
    ]);

    expect(
      await db.outboxConsumption.count({
        where: { subscriber: 'achievements', event: { key: { in: [...keys] } } },
      }),
    ).toBe(events.length);
    for (const p of players) {
      expect(await earnedIds(db, p.characterId)).toEqual(['ach_first_blood', 'ach_level_5']);
      expect(await pointsOf(db, p.characterId)).toBe(10);
      expect(await toasts(db, p.characterId)).toEqual([
        'Achievement earned: First Blood',
        'Achievement earned: No Longer a Gonk',
      ]);
      expect((await progressOf(db, p.characterId, 'ach_kills_100'))?.progress).toBe(2);
      expect((await progressOf(db, p.characterId, 'ach_level_10'))?.progress).toBe(6);
    }
  });

  it('without the character lock, the completion statement still flips a row once', async () => {
    const a = await newPlayer(db);
    const now = new Date(Date.UTC(2026, 0, 1));
    const kill = { kind: 'kill', npcTemplateId: 'watson_scavenger', rank: 'normal' } as const;
    let wrote = false;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const opts = { timeout: 20_000 };
    // the first transaction completes First Blood and holds its row, uncommitted …
    const first = db.$transaction(async (tx) => {
      const earned = await recordAchievementFact(tx, {
        now,
        characterId: a.characterId,
        fact: kill,
        eventKey: uniq('lockless-1:'),
      });
      wrote = true;
      await gate;
      return earned;
    }, opts);
    await waitUntil('the first transaction wrote its row', async () => wrote);
    // … while a second one, for another event, crosses the same target and waits on it
    const second = db.$transaction(
      (tx) =>
        recordAchievementFact(tx, {
          now,
          characterId: a.characterId,
          fact: kill,
          eventKey: uniq('lockless-2:'),
        }),
      opts,
    );
    await waitUntil('the second transaction waits on the row', async () =>
      db.$queryRaw<{ n: number }[]>`SELECT 1 AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`.then(
        (r) => r.length > 0,
      ),
    );
    release();
    const [one, two] = await Promise.all([first, second]);

    expect(one.map((x) => x.id)).toEqual(['ach_first_blood']);
    expect(two).toEqual([]);
    expect(await pointsOf(db, a.characterId)).toBe(5);
    expect(await toasts(db, a.characterId)).toEqual(['Achievement earned: First Blood']);
    // both events still counted where counting goes on
    expect((await progressOf(db, a.characterId, 'ach_kills_100'))?.progress).toBe(2);
  });
});
