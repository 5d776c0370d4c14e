import { Prisma } from '@necp/db';
import type { Tx } from '../core/deps';
import { OUTBOX_EVENT_SCHEMAS, type OutboxEventType, type OutboxPayloads } from './events';

export interface PublishEventInput<T extends OutboxEventType> {
  type: T;
  /** unique per real-world happening (`npc.killed:<lifeId>`): a retried write publishes once */
  key: string;
  payload: OutboxPayloads[T];
}

/**
 * Writes a domain event in the caller's transaction, so it commits (and its commit
 * wakes the outbox's worker: wake-drain.ts) exactly when the change it describes
 * does. Returns false when an event with this key already exists — the caller's
 * idempotency check (awardKill pays nothing twice).
 */
export async function publishEvent<T extends OutboxEventType>(
  tx: Tx,
  input: PublishEventInput<T>,
): Promise<boolean> {
  return (await publishEvents(tx, [input])).has(input.key);
}

/**
 * Writes events in one statement (publishEvent's one way, for many: a market batch tells
 * thousands of owners at once). Returns the keys written — an existing key is skipped.
 */
export async function publishEvents(
  tx: Tx,
  inputs: readonly PublishEventInput<OutboxEventType>[],
  keyTail?: Prisma.Sql,
): Promise<Set<string>> {
  if (inputs.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ key: string }[]>(eventsInsert(inputs, undefined, keyTail));
  return new Set(rows.map((r) => r.key));
}

/**
 * A key's tail naming the writing transaction, for an event whose happening is that
 * transaction itself — no row, version or ref of its own tells one such change from the
 * next (`character.stats_changed`: "this commit changed what the character's stats are
 * made of", from any of thirty writers). Its id (xid8: a cluster never reuses one) and its
 * start in µs (a dump restored into a new cluster starts the ids over, not the clock).
 * One transaction's events of one subject are one happening; two transactions never
 * share a key. The keys written (RETURNING) end in it.
 */
export const OF_THIS_TRANSACTION = Prisma.sql`':' || pg_current_xact_id()::text || '@'
  || (extract(epoch FROM transaction_timestamp()) * 1000000)::bigint::text`;

/**
 * publishEvents' statement, for a writer that folds it into a statement of its own
 * (notifyAll): `only`, a condition on `e."key"`, keeps the events whose happening that
 * statement wrote. RETURNING the keys written.
 */
export function eventsInsert(
  inputs: readonly PublishEventInput<OutboxEventType>[],
  only: Prisma.Sql = Prisma.sql`true`,
  /** appended to every key (OF_THIS_TRANSACTION) */
  keyTail?: Prisma.Sql,
): Prisma.Sql {
  // a payload that breaks its schema is a programming error: fail the whole transaction
  const payloads = inputs.map((i) => JSON.stringify(OUTBOX_EVENT_SCHEMAS[i.type].parse(i.payload)));
  return Prisma.sql`
    INSERT INTO "OutboxEvent" ("type", "key", "payload")
    SELECT e."type", e."key"${keyTail ? Prisma.sql` || ${keyTail}` : Prisma.empty}, e."payload"::jsonb
    FROM unnest(${inputs.map((i) => i.type)}::text[], ${inputs.map((i) => i.key)}::text[],
      ${payloads}::text[]) WITH ORDINALITY AS e("type", "key", "payload", "n")
    WHERE ${only}
    ORDER BY e."n"
    ON CONFLICT ("key") DO NOTHING
    RETURNING "key"`;
}
