-- Issue 11, "a domain event is never dropped": failed deliveries back off
-- ("nextAttemptAt") instead of giving up after a fixed number of attempts; an event
-- that keeps failing is parked as a dead letter an operator lists and replays.
ALTER TABLE "OutboxEvent" ADD COLUMN "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN "parkedAt" TIMESTAMP(3);

CREATE TABLE "OutboxDeadLetter" (
    "eventId" BIGINT NOT NULL,
    "type" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "subscribers" TEXT[],
    "attempts" INTEGER NOT NULL,
    "lastError" TEXT NOT NULL,
    "parkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboxDeadLetter_pkey" PRIMARY KEY ("eventId")
);

CREATE INDEX "OutboxDeadLetter_parkedAt_idx" ON "OutboxDeadLetter"("parkedAt");

ALTER TABLE "OutboxDeadLetter" ADD CONSTRAINT "OutboxDeadLetter_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OutboxEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Events given up on before this migration (attempts reached the old limit of 10)
-- become dead letters, so an operator sees and replays them.
INSERT INTO "OutboxDeadLetter" ("eventId", "type", "key", "subscribers", "attempts", "lastError", "parkedAt")
SELECT "id", "type", "key", ARRAY[]::TEXT[], "attempts", COALESCE("lastError", ''), CURRENT_TIMESTAMP
FROM "OutboxEvent" WHERE "publishedAt" IS NULL AND "attempts" >= 10;
UPDATE "OutboxEvent" SET "parkedAt" = CURRENT_TIMESTAMP
WHERE "publishedAt" IS NULL AND "attempts" >= 10;

-- The drain job the insert trigger enqueues: graphile-worker retries a failing drain
-- (the database away, not a failing subscriber: those are recorded on the event)
-- with its own backoff for much longer than 5 attempts; the cron sweep and later
-- inserts re-enqueue it anyway, since events live in OutboxEvent, not in the job.
CREATE OR REPLACE FUNCTION outbox_enqueue_drain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regproc('graphile_worker.add_job') IS NOT NULL THEN
    PERFORM graphile_worker.add_job('outbox_drain', '{}'::json, job_key := 'outbox_drain', max_attempts := 25);
  END IF;
  RETURN NULL;
END;
$$;
