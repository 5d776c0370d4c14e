import { afterAll, describe, expect, it } from 'vitest';
import type { QuestUpdateMsg } from '@necp/shared';
import { uniq } from '@necp/db/testing';
import { outboxTestDb, testDeps } from '../accounts/test-deps';
import { createLog } from '../core/log';
import { drainOutbox } from '../outbox/drain-outbox';
import { OUTBOX_EVENT_TYPES, type OutboxEvent } from '../outbox/events';
import { publishEvent } from '../outbox/publish-event';
import { OutboxSubscribers, type OutboxSubscriber } from '../outbox/subscribers';
import { acceptQuest } from './accept-quest';
import { questOutboxSubscriber } from './quest-subscriber';
import { deliver, inbox, killEvent, playerAt, questRow, storeRun } from './test-helpers';

const db = outboxTestDb('gameQuestsExactlyOnce', 8);
afterAll(() => db.$disconnect());

/**
 * This file drains a database of its own (OUTBOX_TEST_DATABASES), but its tests
 * share it: this wrapper handles only one test's events and refuses the rest, so a
 * drain never marks another test's event published before its subscriber saw it.
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

describe('quest progress counts each event exactly once', () => {
  it('the subscriber handed the same event twice (one after the other, and at once) counts it once', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'regina', { level: 2 });
    await acceptQuest(deps, { ...p.ref, questId: 'q_punk_problem', contactId: 'regina' });
    const box = inbox<QuestUpdateMsg>();
    const sub = box.hear(
      questOutboxSubscriber({ clock: deps.clock, log: createLog('t', 'silent') }),
    );

    const first = killEvent([p], 'tyger_claws_punk');
    await deliver(db, sub, first);
    await deliver(db, sub, first);
    const second = killEvent([p], 'tyger_claws_punk');
    await Promise.all([
      deliver(db, sub, second),
      deliver(db, sub, second),
      deliver(db, sub, second),
    ]);

    expect((await questRow(db, p, 'q_punk_problem'))?.progress).toEqual({ punks: 2 });
    // only the deliveries that counted told the player
    expect(box.to(p).map((m) => m.objective?.progress)).toEqual([1, 2]);
    expect(
      await db.questEventApplied.count({
        where: { characterId: p.characterId, eventKey: { in: [first.key, second.key] } },
      }),
    ).toBe(2);
  });

  it('two drains racing over the same published events count each once', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'regina', { level: 2 });
    const helper = await playerAt(db, 'regina', { level: 2 });
    await storeRun(db, p, 'q_ncpd_patrol', { state: 'active', periodKey: 'd:2026-01-01' });
    await storeRun(db, helper, 'q_ncpd_patrol', { state: 'active', periodKey: 'd:2026-01-01' });
    const keys = new Set<string>();
    for (let i = 0; i < 6; i++) {
      // shared kills: both credited killers count them
      const e = killEvent([p, helper], 'watson_scavenger', { key: uniq('npc.killed:race-') });
      keys.add(e.key);
      await db.$transaction((tx) =>
        publishEvent(tx, { type: e.type, key: e.key, payload: e.payload }),
      );
    }
    const sub = questOutboxSubscriber({
      clock: deps.clock,
      log: createLog('t', 'silent'),
    });
    const subs = new OutboxSubscribers().subscribe(onlyMine(sub, keys));
    await Promise.all([
      drainOutbox(deps, subs, { untilEmpty: true, batch: 2 }),
      drainOutbox(deps, subs, { untilEmpty: true, batch: 2 }),
      drainOutbox(deps, subs, { untilEmpty: true, batch: 3 }),
    ]);

    // each event consumed once by `quests`, and progress equals what was consumed
    const consumed = await db.outboxConsumption.count({
      where: { subscriber: 'quests', event: { key: { in: [...keys] } } },
    });
    expect(consumed).toBeGreaterThan(0);
    expect(consumed).toBeLessThanOrEqual(6);
    for (const who of [p, helper])
      expect((await questRow(db, who, 'q_ncpd_patrol', 'd:2026-01-01'))?.progress).toEqual({
        hostiles: consumed,
      });
  });

  it("a deleted character's events are skipped, not retried", async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'regina', { level: 2 });
    await acceptQuest(deps, { ...p.ref, questId: 'q_punk_problem', contactId: 'regina' });
    await db.character.update({ where: { id: p.characterId }, data: { deletedAt: new Date() } });
    const sub = questOutboxSubscriber({
      clock: deps.clock,
      log: createLog('t', 'silent'),
    });
    await deliver(db, sub, killEvent([p], 'tyger_claws_punk'));
    expect((await questRow(db, p, 'q_punk_problem'))?.progress).toEqual({ punks: 0 });
  });
});
