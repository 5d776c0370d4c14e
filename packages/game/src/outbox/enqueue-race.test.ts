// The drain job an event's commit queues (trigger OutboxEvent_enqueue_drain) against a
// worker taking the queued job at that moment — graphile-worker's add_job clears the key
// of a job already taken, then upserts only where the job is not taken: a worker taking
// it between the two left the event with no job to run (until the minute's sweep).
// Its own database: it holds and takes the one 'outbox_drain' job.
import { afterAll, expect, it, vi } from 'vitest';
import { uniq } from '@necp/db/testing';
import { outboxTestDb } from '../accounts/test-deps';
import { publishEvent } from './publish-event';

const db = outboxTestDb('gameOutboxEnqueue', 4);
afterAll(() => db.$disconnect());

const publish = (key: string) =>
  db.$transaction((tx) =>
    publishEvent(tx, {
      type: 'character.leveled',
      key,
      payload: { characterId: 'c-enqueue-race', level: 2, previousLevel: 1 },
    }),
  );

const drainJobs = () =>
  db.$queryRaw<{ id: bigint; taken: boolean }[]>`
    SELECT "id", "locked_at" IS NOT NULL AS "taken" FROM graphile_worker._private_jobs
    WHERE "key" = 'outbox_drain' ORDER BY "id"`;

it('an event committed while a worker takes the queued drain job leaves a job for it', async () => {
  await publish(uniq('enqueue-race:'));
  const [queued] = await drainJobs();
  expect(queued).toMatchObject({ taken: false });

  // a worker taking the job: it holds the job's row, then marks it taken and commits
  let take!: () => void;
  let held!: () => void;
  const proceed = new Promise<void>((r) => (take = r));
  const isHeld = new Promise<void>((r) => (held = r));
  const worker = db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM graphile_worker._private_jobs WHERE "id" = ${queued!.id} FOR UPDATE`;
      held();
      await proceed;
      await tx.$executeRaw`
        UPDATE graphile_worker._private_jobs SET "locked_at" = now(), "locked_by" = 'test'
        WHERE "id" = ${queued!.id}`;
    },
    { timeout: 20_000 },
  );
  await isHeld;
  // an event commits meanwhile: its add_job finds the job not yet taken, then waits for its row
  const publishing = publish(uniq('enqueue-race:'));
  await vi.waitFor(
    async () => {
      const [w] = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS "n" FROM pg_stat_activity
        WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`;
      expect(w?.n).toBeGreaterThan(0);
    },
    { timeout: 10_000, interval: 20 },
  );
  take();
  await worker;
  expect(await publishing).toBe(true);

  // the taken job may have looked before the event committed: a job not taken must wait
  const jobs = await drainJobs();
  expect(jobs.filter((j) => !j.taken)).toHaveLength(1);
  await db.$executeRaw`
    DELETE FROM graphile_worker._private_jobs WHERE "id" = ${queued!.id} OR "key" = 'outbox_drain'`;
});

it('a transaction of many events asks for the drain job once, at its commit', async () => {
  await db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE "key" = 'outbox_drain'`;
  await publish(uniq('enqueue-once:'));
  const revision = () =>
    db.$queryRaw<{ revision: number }[]>`
      SELECT "revision" FROM graphile_worker._private_jobs WHERE "key" = 'outbox_drain'`;
  const [first] = await revision();
  // each add_job on the queued job bumps its revision: five events, one ask
  await db.$transaction(async (tx) => {
    for (let i = 0; i < 5; i++)
      await publishEvent(tx, {
        type: 'character.leveled',
        key: uniq('enqueue-once:'),
        payload: { characterId: 'c-enqueue-once', level: 2, previousLevel: 1 },
      });
  });
  expect(await revision()).toEqual([{ revision: first!.revision + 1 }]);
  // and the next transaction asks again (the flag went with the commit)
  await publish(uniq('enqueue-once:'));
  expect(await revision()).toEqual([{ revision: first!.revision + 2 }]);
  await db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE "key" = 'outbox_drain'`;
});
