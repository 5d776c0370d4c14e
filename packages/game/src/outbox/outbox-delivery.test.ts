// Publishing and draining the outbox: one event per key, the wake-up at commit, never an
// event whose transaction rolled back, exactly once across concurrent drains, a failing
// subscriber retried without blocking the others, each subscriber only its own types.
import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { outboxTestDb, testDeps } from '../accounts/test-deps';
import { drainOutbox } from './drain-outbox';
import type { OutboxEvent } from './events';
import { publishEvent } from './publish-event';
import { OutboxSubscribers } from './subscribers';
import { leveled, outboxKit, recorder } from './test-helpers';

const db = outboxTestDb('gameOutbox', 8);
const deps = testDeps(db);
afterAll(() => db.$disconnect());
const { publish, eventRow, hearOutbox } = outboxKit(db);

// This file drains a database of its own (OUTBOX_TEST_DATABASES); its tests still run
// one after another over it, so each keys its events with a fresh prefix and its
// subscribers only count events with that prefix.

describe('publishEvent', () => {
  it('writes an event once per key and refuses a payload that breaks its schema', async () => {
    const key = uniq('ob-pub:');
    expect(await publish(key)).toBe(true);
    expect(await publish(key)).toBe(false);
    expect(await db.outboxEvent.count({ where: { key } })).toBe(1);
    await expect(
      db.$transaction((tx) =>
        publishEvent(tx, {
          type: 'character.leveled',
          key: uniq('ob-bad:'),
          payload: { characterId: '', level: 0, previousLevel: 1 },
        }),
      ),
    ).rejects.toThrow();
  });

  it('wakes the worker as the writer commits: once per transaction, never for a rollback', async () => {
    const ear = await hearOutbox();
    try {
      const rolledBack = new Error('roll back');
      await expect(
        db.$transaction(async (tx) => {
          await publishEvent(tx, leveled(uniq('ob-job:')));
          throw rolledBack;
        }),
      ).rejects.toBe(rolledBack);
      expect(await ear.settle()).toEqual([]);
      await db.$transaction(async (tx) => {
        for (let i = 0; i < 5; i++) await publishEvent(tx, leveled(uniq('ob-job:')));
      });
      expect(await ear.settle()).toEqual(['']);
      // the next transaction wakes it again (the flag went with the commit)
      await publish(uniq('ob-job:'));
      expect(await ear.settle()).toEqual(['', '']);
    } finally {
      await ear.close();
    }
  });
});

describe('drainOutbox', () => {
  it('never delivers an event whose transaction rolled back', async () => {
    const prefix = uniq('ob-rb:');
    const r = recorder('rb', prefix);
    const subs = new OutboxSubscribers().subscribe(r.sub);
    await expect(
      db.$transaction(async (tx) => {
        await publishEvent(tx, leveled(`${prefix}:1`));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await publish(`${prefix}:2`);
    await drainOutbox(deps, subs, { untilEmpty: true });
    expect(r.seen).toEqual([`${prefix}:2`]);
    expect(await eventRow(`${prefix}:1`)).toBeNull();
  });

  it('delivers a committed event exactly once across repeated and concurrent drains', async () => {
    const prefix = uniq('ob-once:');
    const a = recorder('once-a', prefix);
    const b = recorder('once-b', prefix);
    const subs = new OutboxSubscribers().subscribe(a.sub).subscribe(b.sub);
    const keys = [1, 2, 3, 4, 5].map((i) => `${prefix}:${i}`);
    for (const k of keys) await publish(k);

    await Promise.all([
      drainOutbox(deps, subs, { untilEmpty: true, batch: 2 }),
      drainOutbox(deps, subs, { untilEmpty: true, batch: 2 }),
    ]);
    await drainOutbox(deps, subs, { untilEmpty: true });
    expect(a.seen.toSorted()).toEqual(keys);
    expect(b.seen.toSorted()).toEqual(keys);
    for (const k of keys) {
      const row = await eventRow(k);
      expect(row?.publishedAt).toEqual(deps.clock.now());
      expect(row?.consumptions.map((c) => c.subscriber).toSorted()).toEqual(['once-a', 'once-b']);
    }
  });

  it('retries a failing subscriber without blocking the other subscriber or later events', async () => {
    const prefix = uniq('ob-fail:');
    const flaky = recorder('flaky', prefix, { failTimes: 1 });
    const steady = recorder('steady', prefix);
    const subs = new OutboxSubscribers().subscribe(flaky.sub).subscribe(steady.sub);
    const [first, second] = [`${prefix}:1`, `${prefix}:2`];
    await publish(first);
    await publish(second);

    const r1 = await drainOutbox(deps, subs, { untilEmpty: true });
    expect(r1.failures).toBeGreaterThanOrEqual(1);
    expect(steady.seen).toEqual([first, second]);
    expect(flaky.seen).toEqual([second]);
    const failed = await eventRow(first);
    expect(failed).toMatchObject({ publishedAt: null, attempts: 1 });
    expect(failed?.lastError).toContain('flaky: subscriber exploded');
    expect(failed?.consumptions.map((c) => c.subscriber)).toEqual(['steady']);
    // the failing handler's own writes were rolled back with it
    expect(await eventRow(`${first}:written-before-failing`)).toBeNull();
    expect((await eventRow(second))?.publishedAt).not.toBeNull();
    // tried again only after the backoff (1 s after a first failure)
    expect(failed?.nextAttemptAt).toEqual(new Date(deps.clock.ms() + 1000));
    await drainOutbox(deps, subs, { untilEmpty: true });
    expect(flaky.seen).toEqual([second]);

    deps.clock.advance(1000);
    await drainOutbox(deps, subs, { untilEmpty: true });
    expect(flaky.seen).toEqual([second, first]);
    expect(steady.seen).toEqual([first, second]);
    const retried = await eventRow(first);
    expect(retried?.publishedAt).not.toBeNull();
    expect(retried?.consumptions.map((c) => c.subscriber).toSorted()).toEqual(['flaky', 'steady']);
  });

  it('hands subscribers only their own types, parsed', async () => {
    const prefix = uniq('ob-type:');
    const got: OutboxEvent[] = [];
    const subs = new OutboxSubscribers().subscribe({
      name: 'died-only',
      types: ['character.died'],
      async handle(_tx, e) {
        if (e.key.startsWith(prefix)) got.push(e);
      },
    });
    await publish(`${prefix}:leveled`);
    await db.$transaction((tx) =>
      publishEvent(tx, {
        type: 'character.died',
        key: `${prefix}:died`,
        payload: { characterId: 'c1', zoneId: 'watson', x: 1, y: 2, killer: null },
      }),
    );
    await drainOutbox(deps, subs, { untilEmpty: true });
    expect(got).toEqual([
      expect.objectContaining({
        type: 'character.died',
        key: `${prefix}:died`,
        payload: { characterId: 'c1', zoneId: 'watson', x: 1, y: 2, killer: null },
      }),
    ]);
    // nobody here wants character.leveled: it is published with no consumption
    expect(await eventRow(`${prefix}:leveled`)).toMatchObject({ consumptions: [] });
    expect((await eventRow(`${prefix}:leveled`))?.publishedAt).not.toBeNull();
  });

  it('refuses to register one subscriber name twice', () => {
    const r = recorder('twice', 'x');
    expect(() => new OutboxSubscribers().subscribe(r.sub).subscribe(r.sub)).toThrow(/twice/);
  });
});
