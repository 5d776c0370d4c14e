import { afterAll, describe, expect, it } from 'vitest';
import { databaseUrlOf, listenChannel } from '@necp/db';
import { uniq } from '@necp/db/testing';
import { outboxTestDb, testDeps } from '../accounts/test-deps';
import { FakeClock } from '../core/clock';
import type { Tx } from '../core/deps';
import { outboxBacklog } from './backlog';
import { listDeadLetters, replayDeadLetters } from './dead-letters';
import { drainOutbox } from './drain-outbox';
import type { OutboxEvent, OutboxEventType } from './events';
import { publishEvent } from './publish-event';
import { scheduleNextRetry, startOutboxWorker } from './start-outbox-worker';
import { OutboxSubscribers } from './subscribers';
import { OUTBOX_CHANNEL } from './wake-drain';

const db = outboxTestDb('gameOutbox', 8);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

// This file drains a database of its own (OUTBOX_TEST_DATABASES); its tests still run
// one after another over it, so each keys its events with a fresh prefix and its
// subscribers only count events with that prefix.

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

/**
 * A listener of the test's own on the outbox's channel. `settle()` returns the wake-ups
 * heard so far, once every notification committed before it has arrived: its own sentinel,
 * committed after them, arrives after them.
 */
async function hearOutbox() {
  const heard: string[] = [];
  const ear = listenChannel(
    databaseUrlOf(db)!,
    OUTBOX_CHANNEL,
    (payload) => payload !== undefined && heard.push(payload),
    () => undefined,
  );
  await ear.ready;
  return {
    close: () => ear.close(),
    async settle() {
      const sentinel = uniq('sentinel:');
      await db.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, ${sentinel})`;
      await waitUntil('the sentinel is heard', async () => heard.includes(sentinel), 10_000);
      return heard.filter((p) => !p.startsWith('sentinel:'));
    },
  };
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

describe('retries and dead letters', () => {
  const policy = { baseMs: 1000, capMs: 3000, parkAfterAttempts: 4 };

  it('backs off exponentially up to the cap, parks at the last attempt, and a replay delivers it once fixed', async () => {
    const prefix = uniq('ob-dead:');
    let broken = true;
    const seen: string[] = [];
    const subs = new OutboxSubscribers().subscribe({
      name: 'poisoned',
      types: ['character.leveled'],
      async handle(_tx, e) {
        if (!e.key.startsWith(prefix)) return;
        if (broken) throw new Error('cannot handle this one');
        seen.push(e.key);
      },
    });
    const key = `${prefix}:1`;
    await publish(key);

    const pauses: number[] = [];
    for (let attempt = 1; attempt < policy.parkAfterAttempts; attempt++) {
      const r = await drainOutbox(deps, subs, { untilEmpty: true, retry: policy });
      expect(r).toMatchObject({ failures: 1, parked: 0 });
      const row = await eventRow(key);
      expect(row).toMatchObject({ attempts: attempt, parkedAt: null, publishedAt: null });
      pauses.push(row!.nextAttemptAt!.getTime() - deps.clock.ms());
      // not due before its time
      expect((await drainOutbox(deps, subs, { untilEmpty: true, retry: policy })).events).toBe(0);
      deps.clock.advance(pauses.at(-1)!);
    }
    expect(pauses).toEqual([1000, 2000, 3000]);

    const last = await drainOutbox(deps, subs, { untilEmpty: true, retry: policy });
    expect(last).toMatchObject({ failures: 1, parked: 1 });
    expect(await eventRow(key)).toMatchObject({ attempts: 4, publishedAt: null });
    const letters = (await listDeadLetters(db)).filter((l) => l.key === key);
    expect(letters).toEqual([
      expect.objectContaining({
        type: 'character.leveled',
        subscribers: ['poisoned'],
        attempts: 4,
        lastError: 'poisoned: cannot handle this one',
      }),
    ]);
    // parked: no drain takes it, however late
    deps.clock.advance(24 * 3600_000);
    await drainOutbox(deps, subs, { untilEmpty: true, retry: policy });
    expect(seen).toEqual([]);

    broken = false;
    const eventId = letters[0]!.eventId;
    const ear = await hearOutbox();
    try {
      expect(await replayDeadLetters(db, [eventId, 999_999_999n])).toEqual([eventId]);
      // the replay wakes the worker
      expect(await ear.settle()).toEqual(['']);
    } finally {
      await ear.close();
    }
    expect((await listDeadLetters(db)).filter((l) => l.key === key)).toEqual([]);
    await drainOutbox(deps, subs, { untilEmpty: true, retry: policy });
    await drainOutbox(deps, subs, { untilEmpty: true, retry: policy });
    expect(seen).toEqual([key]);
    expect(await eventRow(key)).toMatchObject({ parkedAt: null, attempts: 0 });
    expect((await eventRow(key))?.publishedAt).not.toBeNull();
  });

  it('a worker wakes itself for the earliest retry instead of waiting for the sweep', async () => {
    const prefix = uniq('ob-wake:');
    const now = testDeps(db, { clock: new FakeClock(Date.now()) });
    const r = recorder('wake', prefix, { failTimes: 1 });
    const subs = new OutboxSubscribers().subscribe(r.sub);
    await publish(`${prefix}:1`);
    await drainOutbox(now, subs, { untilEmpty: true });
    const due = (await eventRow(`${prefix}:1`))?.nextAttemptAt;
    expect(due?.getTime()).toBe(now.clock.ms() + 1000);
    await scheduleNextRetry(now);
    const [job] = await db.$queryRaw<{ runAt: Date; task: string }[]>`
      SELECT "run_at" AS "runAt", "task_identifier" AS "task"
      FROM graphile_worker.jobs WHERE "key" = 'outbox_retry'`;
    expect(job).toEqual({ runAt: due, task: 'outbox_drain' });
    await db.$executeRaw`SELECT graphile_worker.remove_job('outbox_retry')`;
  });

  it('parks an event that no longer parses at once, without handing it to anyone', async () => {
    const key = uniq('ob-unreadable:');
    await db.$executeRaw`
      INSERT INTO "OutboxEvent" ("type", "key", "payload")
      VALUES ('character.leveled', ${key}, '{"characterId": ""}'::jsonb)`;
    const r = recorder('unreadable', key);
    const subs = new OutboxSubscribers().subscribe(r.sub);
    const out = await drainOutbox(deps, subs, { untilEmpty: true });
    expect(out).toMatchObject({ parked: 1 });
    expect(r.seen).toEqual([]);
    const [letter] = (await listDeadLetters(db)).filter((l) => l.key === key);
    expect(letter).toMatchObject({ subscribers: ['unreadable'], attempts: 1 });
    expect(letter?.lastError).toMatch(/^unreadable event: /);
  });

  it('reruns the whole delivery after a deadlock instead of counting a failure', async () => {
    const prefix = uniq('ob-deadlock:');
    let deadlocks = 1;
    const calls = { a: 0, b: 0 };
    const subs = new OutboxSubscribers()
      .subscribe({
        name: 'first',
        types: ['character.leveled'],
        async handle(tx, e) {
          if (!e.key.startsWith(prefix)) return;
          calls.a++;
          // work that must not be committed twice
          await publishEvent(tx, leveled(`${e.key}:follow-up:${calls.a}`));
        },
      })
      .subscribe({
        name: 'second',
        types: ['character.leveled'],
        async handle(_tx, e) {
          if (!e.key.startsWith(prefix)) return;
          calls.b++;
          if (deadlocks-- > 0)
            throw Object.assign(new Error('deadlock detected'), {
              code: 'P2010',
              meta: { driverAdapterError: { cause: { originalCode: '40P01' } } },
            });
        },
      });
    const key = `${prefix}:1`;
    await publish(key);
    const r = await drainOutbox(deps, subs, { batch: 1 });
    expect(r).toMatchObject({ events: 1, published: 1, failures: 0 });
    expect(calls).toEqual({ a: 2, b: 2 });
    expect(await eventRow(key)).toMatchObject({ attempts: 0 });
    // the first run's follow-up rolled back with the deadlocked transaction
    expect(await eventRow(`${key}:follow-up:1`)).toBeNull();
    expect(await eventRow(`${key}:follow-up:2`)).not.toBeNull();
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
    // two more jobs besides the one the worker's listener queues as it starts (no job key:
    // they do not merge)
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
      await waitUntil('the commit woke the worker for a later event', async () =>
        r.seen.includes(later),
      );
    } finally {
      await worker.stop();
    }
    expect(r.seen).toEqual([key, `${prefix}:2`]);
    expect((await eventRow(key))?.publishedAt).not.toBeNull();
  });
});

describe('the backlog (the worker health shows it)', () => {
  it('counts the undelivered events and ages the oldest; a drain takes them off', async () => {
    // earlier tests of this file may have left events waiting for a retry: count from them
    const before = await outboxBacklog(deps);
    const prefix = uniq('backlog:');
    await publish(`${prefix}:1`);
    await publish(`${prefix}:2`);
    const first = await db.outboxEvent.findUniqueOrThrow({ where: { key: `${prefix}:1` } });
    const later = { db, clock: new FakeClock(first.createdAt.getTime() + 90_000) };
    const waiting = await outboxBacklog(later);
    expect(waiting.pending).toBe(before.pending + 2);
    expect(waiting.capped).toBe(false);
    // the oldest is this test's first event, or one older still
    expect(waiting.oldestAgeMs).toBeGreaterThanOrEqual(90_000);
    await drainOutbox(deps, new OutboxSubscribers(), { untilEmpty: true });
    expect((await eventRow(`${prefix}:2`))?.publishedAt).not.toBeNull();
    expect((await outboxBacklog(deps)).pending).toBeLessThanOrEqual(before.pending);
  });
});
