import type { Tx } from '../core/deps';
import { OUTBOX_EVENT_SCHEMAS, type OutboxEventType, type OutboxPayloads } from './events';

export interface PublishEventInput<T extends OutboxEventType> {
  type: T;
  /** unique per real-world happening (`npc.killed:<lifeId>`): a retried write publishes once */
  key: string;
  payload: OutboxPayloads[T];
}

/**
 * Writes a domain event in the caller's transaction, so it commits (and its drain
 * job is enqueued by the table's trigger) exactly when the change it describes
 * does. Returns false when an event with this key already exists — the caller's
 * idempotency check (awardKill pays nothing twice).
 */
export async function publishEvent<T extends OutboxEventType>(
  tx: Tx,
  input: PublishEventInput<T>,
): Promise<boolean> {
  // a payload that breaks its schema is a programming error: fail the whole transaction
  const payload = OUTBOX_EVENT_SCHEMAS[input.type].parse(input.payload);
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "OutboxEvent" ("type", "key", "payload")
    VALUES (${input.type}, ${input.key}, ${JSON.stringify(payload)}::jsonb)
    ON CONFLICT ("key") DO NOTHING
    RETURNING "id"`;
  return rows.length > 0;
}
