import { afterAll, describe, expect, it } from 'vitest';
import { databaseUrlOf } from '@necp/db';
import { uniq } from '@necp/db/testing';
import { testDb, testDeps } from '../accounts/test-deps';
import type { Tx } from '../core/deps';
import { drainOutbox } from './drain-outbox';
import type { OutboxEvent, OutboxEventType } from './events';
import { publishEvent } from './publish-event';
import { startOutboxWorker } from './start-outbox-worker';
import { OutboxSubscribers } from './subscribers';

const db = testDb(8);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

// Other suites publish events into the same database meanwhile: every test keys its
// own events with a fresh prefix, and its subscribers only count events with that prefix.

const leveled = (key: string) =>
  ({
    type: 'character.leveled',
    key,
    payload: { characterId: 'c-outbox-test', level: 2, previousLevel: 1 },
  }) as const;

const publish = (key: string) => db.$transaction((tx) => publishEvent(tx, leveled(key)));

/** A subscriber that records the keys (with `prefix`) it handled; throws on the first `failTimes`. */
function recorder(
  name: string,
  prefix: string,
  o: { failTimes?: number; types?: OutboxEventType[] } = {},
) {
  const seen: string[] = [];
  let fails = o.failTimes ?? 0;
  return {
    seen,
    sub: {
      name,
      types: o.types ?? (['character.leveled'] as OutboxEventType[]),
      async handle(tx: Tx, e: OutboxEvent) {
        if (!e.key.startsWith(prefix)) return;
        if (fails > 0) {
          fails--;
          // work done before the failure must roll back with it
          await publishEvent(tx, leveled(`${e.key}:written-before-failing`));
          throw new Error('subscriber exploded');
        }
        seen.push(e.key);
      },
    },
  };
}

const eventRow = (key: string) =>
  db.outboxEvent.findUnique({ where: { key }, include: { consumptions: true } });

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

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

  it("enqueues graphile-worker's outbox_drain job in the writer's transaction", async () => {
    const key = uniq('ob-job:');
    const rolledBack = new Error('roll back');
    const jobs = await db
      .$transaction(async (tx) => {
        await publishEvent(tx, leveled(key));
        const rows = await tx.$queryRaw<{ task_identifier: string }[]>`
          SELECT "task_identifier" FROM graphile_worker.jobs WHERE "key" = 'outbox_drain'`;
        // a concurrent worker cannot have taken a job this transaction has not committed
        expect(rows.map((r) => r.task_identifier)).toContain('outbox_drain');
        throw rolledBack;
      })
      .catch((e: unknown) => e);
    expect(jobs).toBe(rolledBack);
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

describe('startOutboxWorker', () => {
  it('delivers committed events through graphile-worker once, however many jobs run', async () => {
    expect(databaseUrlOf(db)).toBeTruthy();
    const prefix = uniq('ob-worker:');
    const r = recorder('worker', prefix);
    const subs = new OutboxSubscribers().subscribe(r.sub);
    const key = `${prefix}:1`;
    await publish(key);
    // two more jobs besides the trigger's (no job key, so they do not merge)
    const extra = await db.$queryRaw<{ id: bigint }[]>`
      SELECT (graphile_worker.add_job('outbox_drain', '{}'::json)).id
      UNION ALL SELECT (graphile_worker.add_job('outbox_drain', '{}'::json)).id`;
    const worker = await startOutboxWorker(deps, subs, { concurrency: 2, pollInterval: 200 });
    try {
      await waitUntil('the worker delivered the event', async () => r.seen.length > 0);
      await waitUntil('the extra jobs ran', async () => {
        const left = await db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM graphile_worker.jobs
          WHERE "id" IN (${extra[0]?.id ?? 0n}, ${extra[1]?.id ?? 0n})`;
        return left[0]?.n === 0;
      });
      const later = `${prefix}:2`;
      await publish(later);
      await waitUntil('the trigger woke the worker for a later event', async () =>
        r.seen.includes(later),
      );
    } finally {
      await worker.stop();
    }
    expect(r.seen).toEqual([key, `${prefix}:2`]);
    expect((await eventRow(key))?.publishedAt).not.toBeNull();
  });
});
