import type { Db } from '../core/deps';
import { OUTBOX_CHANNEL } from './wake-drain';
import { inTransaction } from '../core/transaction';

/** What an operator sees of a parked event. */
export interface DeadLetterView {
  eventId: bigint;
  type: string;
  key: string;
  /** subscribers that had not consumed it */
  subscribers: string[];
  attempts: number;
  lastError: string;
  parkedAt: Date;
  payload: unknown;
}

/** Listings are capped (an operator pages with `afterId`). */
export const DEAD_LETTER_PAGE = 100;

/** Parked events, oldest first. */
export async function listDeadLetters(
  db: Db,
  o: { limit?: number; afterId?: bigint } = {},
): Promise<DeadLetterView[]> {
  const take = Math.min(Math.max(1, o.limit ?? DEAD_LETTER_PAGE), DEAD_LETTER_PAGE);
  const rows = await db.outboxDeadLetter.findMany({
    where: o.afterId === undefined ? {} : { eventId: { gt: o.afterId } },
    orderBy: { eventId: 'asc' },
    take,
    include: { event: { select: { payload: true } } },
  });
  return rows.map(({ event, ...r }) => ({ ...r, payload: event.payload }));
}

/**
 * Hands parked events back to the drain: each gets a fresh retry budget
 * (attempts 0, due now) and loses its dead-letter row; a drain job is enqueued so
 * a running worker delivers them at once. `'all'` replays every dead letter.
 * Returns the event ids replayed (ids that are not dead letters are ignored).
 */
export async function replayDeadLetters(
  db: Db,
  which: readonly bigint[] | 'all',
): Promise<bigint[]> {
  return inTransaction(db, async (tx) => {
    const letters = await tx.outboxDeadLetter.findMany({
      where: which === 'all' ? {} : { eventId: { in: [...which] } },
      select: { eventId: true },
    });
    const ids = letters.map((l) => l.eventId);
    if (ids.length === 0) return [];
    await tx.outboxDeadLetter.deleteMany({ where: { eventId: { in: ids } } });
    await tx.outboxEvent.updateMany({
      where: { id: { in: ids } },
      data: { parkedAt: null, attempts: 0, nextAttemptAt: null },
    });
    // like an event's insert: a running worker hears it at the commit (wake-drain.ts)
    await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
    return ids;
  });
}

/** A graphile-worker job that failed for good (the outbox drain, the daily cleanup …). */
export interface FailedJobView {
  id: bigint;
  task: string;
  attempts: number;
  lastError: string | null;
  runAt: Date;
}

/**
 * Jobs graphile-worker gave up on (attempts reached max_attempts). They lose no
 * event — events live in OutboxEvent and the cron sweep drains them — but an
 * operator should see why the job kept failing.
 */
export async function listFailedJobs(db: Db): Promise<FailedJobView[]> {
  const exists = await db.$queryRaw<{ ok: boolean }[]>`
    SELECT to_regclass('graphile_worker.jobs') IS NOT NULL AS ok`;
  if (!exists[0]?.ok) return [];
  return db.$queryRaw<FailedJobView[]>`
    SELECT "id", "task_identifier" AS "task", "attempts", "last_error" AS "lastError", "run_at" AS "runAt"
    FROM graphile_worker.jobs
    WHERE "attempts" >= "max_attempts" AND "locked_at" IS NULL
    ORDER BY "id"
    LIMIT ${DEAD_LETTER_PAGE}`;
}
