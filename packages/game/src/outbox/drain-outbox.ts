import type { GameDeps, Tx } from '../core/deps';
import { TX_OPTIONS } from '../inventory/locks';
import { parseOutboxEvent, type OutboxEvent } from './events';
import type { OutboxSubscribers } from './subscribers';

export interface DrainOptions {
  /** events locked per transaction */
  batch?: number;
  /** keep taking batches until none is left (the worker's task); default: one batch */
  untilEmpty?: boolean;
  /** events that failed this often are left alone (dead letters, kept for an operator) */
  maxAttempts?: number;
}

export interface DrainResult {
  /** events looked at */
  events: number;
  /** events marked published (every interested subscriber has consumed them) */
  published: number;
  /** subscriber handlings that committed */
  delivered: number;
  /** subscriber handlings that threw (rolled back, retried by a later drain) */
  failures: number;
}

export const DEFAULT_DRAIN_BATCH = 50;
export const DEFAULT_MAX_ATTEMPTS = 10;

interface EventRow {
  id: bigint;
  type: string;
  key: string;
  payload: unknown;
  createdAt: Date;
}

/**
 * Delivers unpublished outbox events to their subscribers. Each batch is one
 * transaction that locks its events FOR UPDATE SKIP LOCKED (concurrent drains
 * take different events, never the same one twice). Every subscriber runs in
 * its own savepoint together with its OutboxConsumption row: a failure rolls back
 * only that subscriber's work, counts an attempt on the event and leaves it
 * unpublished, while the other subscribers' consumption commits — a later drain
 * retries just the one that failed.
 */
export async function drainOutbox(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log'>,
  subscribers: OutboxSubscribers,
  opts: DrainOptions = {},
): Promise<DrainResult> {
  const batch = Math.max(1, Math.floor(opts.batch ?? DEFAULT_DRAIN_BATCH));
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const total: DrainResult = { events: 0, published: 0, delivered: 0, failures: 0 };
  // a cursor, so events that failed in this run are not retried in a loop by the same run
  let afterId = 0n;
  for (;;) {
    const committed: (() => void)[] = [];
    const r = await deps.db.$transaction(
      (tx) => drainBatch(tx, deps, subscribers, { batch, maxAttempts, afterId, committed }),
      TX_OPTIONS,
    );
    for (const fn of committed) {
      try {
        fn();
      } catch (err) {
        deps.log.warn({ err }, 'outbox afterCommit callback failed');
      }
    }
    total.events += r.events;
    total.published += r.published;
    total.delivered += r.delivered;
    total.failures += r.failures;
    if (r.lastId !== null) afterId = r.lastId;
    if (!opts.untilEmpty || r.events < batch) break;
  }
  return total;
}

async function drainBatch(
  tx: Tx,
  deps: Pick<GameDeps, 'clock' | 'log'>,
  subscribers: OutboxSubscribers,
  o: { batch: number; maxAttempts: number; afterId: bigint; committed: (() => void)[] },
): Promise<DrainResult & { lastId: bigint | null }> {
  const rows = await tx.$queryRaw<EventRow[]>`
    SELECT "id", "type", "key", "payload", "createdAt" FROM "OutboxEvent"
    WHERE "publishedAt" IS NULL AND "attempts" < ${o.maxAttempts} AND "id" > ${o.afterId}
    ORDER BY "id"
    LIMIT ${o.batch}
    FOR UPDATE SKIP LOCKED`;
  const out = { events: rows.length, published: 0, delivered: 0, failures: 0 };
  for (const row of rows) {
    const done = await tx.outboxConsumption.findMany({
      where: { eventId: row.id },
      select: { subscriber: true },
    });
    const consumed = new Set(done.map((d) => d.subscriber));
    const errors: string[] = [];
    for (const s of subscribers.forType(row.type)) {
      if (consumed.has(s.name)) continue;
      await tx.$executeRawUnsafe('SAVEPOINT outbox_subscriber');
      // kept only if this subscriber's savepoint is released (its work stays in the batch)
      const pending: (() => void)[] = [];
      try {
        const event: OutboxEvent = parseOutboxEvent(row);
        await s.handle(tx, event, { afterCommit: (fn) => pending.push(fn) });
        await tx.outboxConsumption.create({ data: { eventId: row.id, subscriber: s.name } });
        await tx.$executeRawUnsafe('RELEASE SAVEPOINT outbox_subscriber');
        o.committed.push(...pending);
        out.delivered++;
      } catch (err) {
        await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT outbox_subscriber');
        const message = err instanceof Error ? err.message : String(err);
        errors.push(`${s.name}: ${message}`);
        out.failures++;
        deps.log.warn(
          { err, eventId: row.id.toString(), type: row.type, subscriber: s.name },
          'outbox subscriber failed; will retry',
        );
      }
    }
    if (errors.length === 0) {
      await tx.outboxEvent.update({
        where: { id: row.id },
        data: { publishedAt: deps.clock.now() },
      });
      out.published++;
    } else {
      await tx.outboxEvent.update({
        where: { id: row.id },
        data: { attempts: { increment: 1 }, lastError: errors.join('\n').slice(0, 2000) },
      });
    }
  }
  return { ...out, lastId: rows.at(-1)?.id ?? null };
}
