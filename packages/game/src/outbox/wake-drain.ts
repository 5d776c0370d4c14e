/**
 * The outbox's wake-up: an event's commit notifies OUTBOX_CHANNEL (the OutboxEvent
 * trigger, migration 20261206000000) and every running worker's listener queues the one
 * drain job. After the commit, not in it: queued at the commit, every publishing
 * transaction upserted that one job row while it committed, and they queued one behind
 * another on it (docs/perf.md, "The economy").
 */
import { listenChannel, type Db } from '@necp/db';
import type { Log } from '../core/log';
import { ONE_STATEMENT, inTransaction } from '../core/transaction';

/** The channel the OutboxEvent trigger notifies as an event's transaction commits. */
export const OUTBOX_CHANNEL = 'necp_outbox';

/**
 * Queues the drain job (job key 'outbox_drain'): one waiting job however often it is
 * asked. graphile-worker's add_job queues nothing when a worker takes the waiting job at
 * that moment (migration 20261204000000): asked again, it sees the job taken and queues a
 * new one, so a drain always starts after the events committed before this call.
 */
export async function queueDrain(db: Db): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    // one statement on the pool's connection (ONE_STATEMENT): Prisma's client engine
    // spent ~0.5 ms of CPU on each, under load dozens a second
    const [job] = await inTransaction(
      db,
      (tx) =>
        tx.$queryRaw<{ id: bigint | null }[]>`
          SELECT (graphile_worker.add_job('outbox_drain', '{}'::json, job_key := 'outbox_drain',
            max_attempts := 25)).id AS "id"`,
      ONE_STATEMENT,
    );
    if (job?.id != null) return;
  }
}

/**
 * `fn` run for every call, but never twice at once: calls made while it runs make one
 * more run after it (a notification heard while add_job was on its way may be of an
 * event that committed after add_job looked). With `gapMs`, calls in the `gapMs` after a
 * run also join one run after that gap: an idle caller's first call still runs at once.
 */
export function coalesced(
  fn: () => Promise<void>,
  onError: (err: unknown) => void,
  gapMs = 0,
): () => void {
  let running = false;
  let again = false;
  const loop = async () => {
    running = true;
    do {
      again = false;
      await fn().catch(onError);
      if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
    } while (again);
    running = false;
  };
  return () => {
    if (running) again = true;
    else void loop();
  };
}

/**
 * How long after queueing a drain the listener waits before it queues another (the events
 * committed meanwhile wait at most that much longer). Without it, it queued one for nearly
 * every publishing transaction: under load, 215 add_job calls a second at 300 economy
 * operations a second, each an update of the one job row — the most expensive statement
 * of the economy's mix, 18 % of PostgreSQL's time (docs/perf.md, "The economy").
 */
export const DRAIN_WAKE_GAP_MS = 20;

/**
 * Listens for committed events and queues a drain for them; once as it starts and after
 * every reconnect too (events committed while nobody listened).
 */
export function wakeDrainOnEvents(db: Db, url: string, log: Log) {
  const wake = coalesced(
    () => queueDrain(db),
    (err) => log.warn({ err }, 'outbox: queueing the drain failed (the minute sweep will run it)'),
    DRAIN_WAKE_GAP_MS,
  );
  return listenChannel(url, OUTBOX_CHANNEL, wake, (err) =>
    log.warn({ err }, 'outbox: the LISTEN connection failed; listening again in a second'),
  );
}
