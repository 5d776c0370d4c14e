/**
 * How far behind the outbox's deliveries are: the events committed and not yet
 * delivered (parked dead letters aside) and how long the oldest has waited. The
 * worker's GET /health shows it — a worker that is up but not keeping up, or no worker
 * at all, shows as a growing age. The count stops at OUTBOX_BACKLOG_COUNT_MAX, so a
 * disaster's backlog does not make the health check itself slow.
 */
import type { GameDeps } from '../core/deps';

export const OUTBOX_BACKLOG_COUNT_MAX = 10_000;

export interface OutboxBacklog {
  /** undelivered events, at most OUTBOX_BACKLOG_COUNT_MAX */
  pending: number;
  /** there are more than `pending` */
  capped: boolean;
  /** ms since the oldest undelivered event was committed (null: none waits) */
  oldestAgeMs: number | null;
}

export async function outboxBacklog(deps: Pick<GameDeps, 'db' | 'clock'>): Promise<OutboxBacklog> {
  const [counted] = await deps.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "OutboxEvent" WHERE "publishedAt" IS NULL AND "parkedAt" IS NULL
      LIMIT ${OUTBOX_BACKLOG_COUNT_MAX + 1}
    ) AS waiting`;
  const [oldest] = await deps.db.$queryRaw<{ createdAt: Date }[]>`
    SELECT "createdAt" FROM "OutboxEvent" WHERE "publishedAt" IS NULL AND "parkedAt" IS NULL
    ORDER BY "id" LIMIT 1`;
  const n = counted?.n ?? 0;
  return {
    pending: Math.min(n, OUTBOX_BACKLOG_COUNT_MAX),
    capped: n > OUTBOX_BACKLOG_COUNT_MAX,
    oldestAgeMs: oldest ? Math.max(0, deps.clock.ms() - oldest.createdAt.getTime()) : null,
  };
}
