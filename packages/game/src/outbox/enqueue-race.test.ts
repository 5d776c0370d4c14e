// The drain job a worker's listener queues for a committed event (queueDrain, wake-drain.ts)
// against a worker taking the queued job at that moment — graphile-worker's add_job clears
// the key of a job already taken, then upserts only where the job is not taken: a worker
// taking it between the two left the event with no job to run (until the minute's sweep).
// Its own database: it holds and takes the one 'outbox_drain' job.
import { afterAll, expect, it, vi } from 'vitest';
import { outboxTestDb } from '../accounts/test-deps';
import { queueDrain } from './wake-drain';

const db = outboxTestDb('gameOutboxEnqueue', 4);
afterAll(() => db.$disconnect());

const drainJobs = () =>
  db.$queryRaw<{ id: bigint; taken: boolean }[]>`
    SELECT "id", "locked_at" IS NOT NULL AS "taken" FROM graphile_worker._private_jobs
    WHERE "key" = 'outbox_drain' ORDER BY "id"`;

it('a drain queued while a worker takes the queued drain job leaves a job for it', async () => {
  await queueDrain(db);
  // asked again and again: still one job waiting
  await queueDrain(db);
  const [queued, ...more] = await drainJobs();
  expect(queued).toMatchObject({ taken: false });
  expect(more).toEqual([]);

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
  // a listener hears an event meanwhile: its add_job finds the job not yet taken, then waits
  // for its row
  const queueing = queueDrain(db);
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
  await queueing;

  // the taken job may have looked before the event committed: a job not taken must wait
  const jobs = await drainJobs();
  expect(jobs.filter((j) => !j.taken)).toHaveLength(1);
  await db.$executeRaw`
    DELETE FROM graphile_worker._private_jobs WHERE "id" = ${queued!.id} OR "key" = 'outbox_drain'`;
});
