import type { PushSink } from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { isTransientTxError } from '../core/tx-retry';
import { parseOutboxEvent, type OutboxEvent } from './events';
import { errorText, recordDeliveryFailure } from './record-failure';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import type { OutboxSubscribers } from './subscribers';
import { inTransaction } from '../core/transaction';

export interface DrainOptions {
  /** events delivered by one call (ignored with untilEmpty) */
  batch?: number;
  /** keep delivering until no event is due (the worker's task); default: one batch */
  untilEmpty?: boolean;
  /** backoff and parking of failed deliveries (DEFAULT_RETRY_POLICY by default) */
  retry?: Partial<RetryPolicy>;
  /** where subscribers' pushes go after their commit (the sim's dispatcher); absent: nowhere */
  push?: PushSink;
}

export interface DrainResult {
  /** events looked at */
  events: number;
  /** events marked published (every interested subscriber has consumed them) */
  published: number;
  /** subscriber handlings that committed */
  delivered: number;
  /** deliveries that failed (rolled back, tried again after a backoff) */
  failures: number;
  /** events parked as dead letters by this drain */
  parked: number;
}

export const DEFAULT_DRAIN_BATCH = 50;

interface EventRow {
  id: bigint;
  type: string;
  key: string;
  payload: unknown;
  createdAt: Date;
}

const none = (): DrainResult => ({ events: 0, published: 0, delivered: 0, failures: 0, parked: 0 });

/**
 * Delivers due outbox events (unpublished, not parked, past their nextAttemptAt)
 * to their subscribers, oldest first. Each event is one transaction that locks it
 * FOR UPDATE SKIP LOCKED, so concurrent drains take different events and a
 * subscriber's row locks are held for one event only (see subscribers.ts for the
 * lock order). Every subscriber runs in its own savepoint together with its
 * OutboxConsumption row: a failure rolls back only that subscriber's work, while
 * the others' consumption commits — a later drain retries just the one that failed.
 *
 * A deadlock or serialization failure reruns the event's whole transaction at once
 * (inTransaction); any other failure counts an attempt and schedules the next one
 * after an exponential backoff. Nothing is ever dropped: an event that keeps
 * failing is parked as a dead letter (recordDeliveryFailure) for an operator to replay.
 */
export async function drainOutbox(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log'>,
  subscribers: OutboxSubscribers,
  opts: DrainOptions = {},
): Promise<DrainResult> {
  const limit = opts.untilEmpty
    ? Infinity
    : Math.max(1, Math.floor(opts.batch ?? DEFAULT_DRAIN_BATCH));
  const policy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
  const total = none();
  while (total.events < limit) {
    const r = await deliverNextEvent(deps, subscribers, policy, opts.push);
    if (!r) break;
    for (const k of Object.keys(total) as (keyof DrainResult)[]) total[k] += r[k];
  }
  return total;
}

/** One due event, start to end; null when none is due. */
async function deliverNextEvent(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log'>,
  subscribers: OutboxSubscribers,
  policy: RetryPolicy,
  sink: PushSink | undefined,
): Promise<DrainResult | null> {
  let claimed: bigint | undefined;
  let committed: (() => void)[] = [];
  try {
    // a rerun (after a deadlock) starts with nothing to do after the commit
    const r = await inTransaction(deps.db, (tx) => {
      committed = [];
      return deliverOne(tx, deps, subscribers, policy, {
        onClaim: (id) => (claimed = id),
        committed,
        sink,
      });
    });
    for (const fn of committed) {
      try {
        fn();
      } catch (err) {
        deps.log.warn({ err }, 'outbox afterCommit callback failed');
      }
    }
    return r;
  } catch (err) {
    // not even an event could be claimed: the database is away (the worker's job retries)
    if (claimed === undefined) throw err;
    // the event's transaction itself failed (deadlocks past the retries, a timeout …):
    // counted like a subscriber failure, so one bad event cannot stall the queue
    const eventId = claimed;
    deps.log.warn({ err, eventId: eventId.toString() }, 'outbox delivery failed; will retry');
    const { parked } = await inTransaction(deps.db, (tx) =>
      recordDeliveryFailure(tx, deps, subscribers, policy, { eventId, error: errorText(err) }),
    );
    return { ...none(), events: 1, failures: 1, parked: parked ? 1 : 0 };
  }
}

async function deliverOne(
  tx: Tx,
  deps: Pick<GameDeps, 'clock' | 'log'>,
  subscribers: OutboxSubscribers,
  policy: RetryPolicy,
  o: { onClaim: (id: bigint) => void; committed: (() => void)[]; sink: PushSink | undefined },
): Promise<DrainResult | null> {
  const [row] = await tx.$queryRaw<EventRow[]>`
    SELECT "id", "type", "key", "payload", "createdAt" FROM "OutboxEvent"
    WHERE "publishedAt" IS NULL AND "parkedAt" IS NULL
      AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${deps.clock.now()})
    ORDER BY "id"
    LIMIT 1
    FOR UPDATE SKIP LOCKED`;
  if (!row) return null;
  o.onClaim(row.id);
  const out = { ...none(), events: 1 };
  const done = await tx.outboxConsumption.findMany({
    where: { eventId: row.id },
    select: { subscriber: true },
  });
  const consumed = new Set(done.map((d) => d.subscriber));
  const todo = subscribers.forType(row.type).filter((s) => !consumed.has(s.name));

  let event: OutboxEvent | undefined;
  if (todo.length > 0) {
    try {
      event = parseOutboxEvent(row);
    } catch (err) {
      // a payload that does not parse never will: park it for an operator at once
      const f = { eventId: row.id, error: `unreadable event: ${errorText(err)}`, poison: true };
      const { parked } = await recordDeliveryFailure(tx, deps, subscribers, policy, f);
      return { ...out, failures: 1, parked: parked ? 1 : 0 };
    }
  }

  const errors: string[] = [];
  for (const s of todo) {
    await tx.$executeRawUnsafe('SAVEPOINT outbox_subscriber');
    // kept only if this subscriber's savepoint is released (its work stays in the event's transaction)
    const pending: (() => void)[] = [];
    try {
      await s.handle(tx, event!, {
        afterCommit: (fn) => pending.push(fn),
        push: (...pushes) => {
          const { sink } = o;
          if (sink && pushes.length > 0) pending.push(() => sink(pushes));
        },
      });
      await tx.outboxConsumption.create({ data: { eventId: row.id, subscriber: s.name } });
      await tx.$executeRawUnsafe('RELEASE SAVEPOINT outbox_subscriber');
      o.committed.push(...pending);
      out.delivered++;
    } catch (err) {
      // a deadlock victim must let go of every lock it holds: rerun the whole transaction
      if (isTransientTxError(err)) throw err;
      await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT outbox_subscriber');
      errors.push(`${s.name}: ${errorText(err)}`);
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
      data: { publishedAt: deps.clock.now(), nextAttemptAt: null },
    });
    out.published++;
  } else {
    const f = { eventId: row.id, error: errors.join('\n') };
    const { parked } = await recordDeliveryFailure(tx, deps, subscribers, policy, f);
    if (parked) out.parked++;
  }
  return out;
}
