import type { GameDeps, Tx } from '../core/deps';
import { retryDelayMs, type RetryPolicy } from './retry-policy';
import type { OutboxSubscribers } from './subscribers';

/** Error texts are cut to this (a stack trace can be long). */
const MAX_ERROR_CHARS = 2000;

export const errorText = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR_CHARS);

/**
 * Counts a failed delivery of event `eventId`: schedules the next try after the
 * policy's backoff, or parks the event as a dead letter once it failed
 * `parkAfterAttempts` times (at once when `poison`: it can never succeed as it is).
 * The dead letter names the subscribers that have not consumed it. Returns
 * whether it parked; nothing happens to an event that was published or parked meanwhile.
 */
export async function recordDeliveryFailure(
  tx: Tx,
  deps: Pick<GameDeps, 'clock' | 'log'>,
  subscribers: OutboxSubscribers,
  policy: RetryPolicy,
  f: { eventId: bigint; error: string; poison?: boolean },
): Promise<{ parked: boolean }> {
  const [row] = await tx.$queryRaw<{ type: string; key: string; attempts: number }[]>`
    SELECT "type", "key", "attempts" FROM "OutboxEvent"
    WHERE "id" = ${f.eventId} AND "publishedAt" IS NULL AND "parkedAt" IS NULL
    FOR UPDATE`;
  if (!row) return { parked: false };
  const attempts = row.attempts + 1;
  const now = deps.clock.now();
  const error = f.error.slice(0, MAX_ERROR_CHARS);
  if (!f.poison && attempts < policy.parkAfterAttempts) {
    await tx.outboxEvent.update({
      where: { id: f.eventId },
      data: {
        attempts,
        lastError: error,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(policy, attempts)),
      },
    });
    return { parked: false };
  }
  const consumed = await tx.outboxConsumption.findMany({
    where: { eventId: f.eventId },
    select: { subscriber: true },
  });
  const done = new Set(consumed.map((c) => c.subscriber));
  const pending = subscribers
    .forType(row.type)
    .map((s) => s.name)
    .filter((n) => !done.has(n));
  await tx.outboxEvent.update({
    where: { id: f.eventId },
    data: { attempts, lastError: error, nextAttemptAt: null, parkedAt: now },
  });
  const letter = { type: row.type, key: row.key, subscribers: pending, attempts, lastError: error };
  await tx.outboxDeadLetter.upsert({
    where: { eventId: f.eventId },
    create: { eventId: f.eventId, ...letter, parkedAt: now },
    update: { ...letter, parkedAt: now },
  });
  deps.log.error(
    { eventId: f.eventId.toString(), type: row.type, key: row.key, attempts, subscribers: pending },
    'outbox event parked as a dead letter (pnpm outbox dead-letters)',
  );
  return { parked: true };
}
