// When delivery fails: exponential backoff, parking and the dead letters' replay, the
// worker's wake-up for its earliest retry, an unreadable event, a deadlock rerun; the
// graphile-worker role delivering once; and the backlog the worker health shows.
import { afterAll, describe, expect, it } from 'vitest';
import { databaseUrlOf } from '@necp/db';
import { uniq } from '@necp/db/testing';
import { outboxTestDb, testDeps } from '../accounts/test-deps';
import { FakeClock } from '../core/clock';
import { outboxBacklog } from './backlog';
import { listDeadLetters, replayDeadLetters } from './dead-letters';
import { drainOutbox } from './drain-outbox';
import { publishEvent } from './publish-event';
import { scheduleNextRetry, startOutboxWorker } from './start-outbox-worker';
import { OutboxSubscribers } from './subscribers';
import { leveled, outboxKit, recorder, waitUntil } from './test-helpers';

const db = outboxTestDb('gameOutboxRetries', 8);
const deps = testDeps(db);
afterAll(() => db.$disconnect());
const { publish, eventRow, hearOutbox } = outboxKit(db);

// This file drains a database of its own (OUTBOX_TEST_DATABASES), apart from
// outbox-delivery.test.ts; its tests still run one after another over it, so each keys
// its events with a fresh prefix and its subscribers only count events with that prefix.

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
