-- CreateTable
CREATE TABLE "CombatLogEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "zoneId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "targetKind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "targetName" TEXT NOT NULL,
    "abilityId" TEXT,
    "amount" INTEGER NOT NULL DEFAULT 0,
    "crit" BOOLEAN NOT NULL DEFAULT false,
    "damageType" TEXT,
    "targetHealth" INTEGER,

    CONSTRAINT "CombatLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxConsumption" (
    "eventId" BIGINT NOT NULL,
    "subscriber" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxConsumption_pkey" PRIMARY KEY ("eventId","subscriber")
);

-- CreateIndex
CREATE INDEX "CombatLogEntry_sourceId_at_idx" ON "CombatLogEntry"("sourceId", "at");

-- CreateIndex
CREATE INDEX "CombatLogEntry_targetId_at_idx" ON "CombatLogEntry"("targetId", "at");

-- CreateIndex
CREATE INDEX "CombatLogEntry_zoneId_at_idx" ON "CombatLogEntry"("zoneId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_key_key" ON "OutboxEvent"("key");

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_id_idx" ON "OutboxEvent"("publishedAt", "id");

-- AddForeignKey
ALTER TABLE "OutboxConsumption" ADD CONSTRAINT "OutboxConsumption_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OutboxEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The combat log is append-only: history a moderator reads must not be rewritten.
CREATE FUNCTION combat_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'CombatLogEntry is append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER "CombatLogEntry_append_only"
  BEFORE UPDATE OR DELETE ON "CombatLogEntry"
  FOR EACH ROW EXECUTE FUNCTION combat_log_append_only();

-- Outbox: enqueue the drain job in the same transaction as the event, so a committed
-- event always has a job to deliver it. graphile-worker's schema is installed by
-- migrateDeploy right after these migrations; until it exists (e.g. during a bare
-- `prisma migrate deploy`) the cron sweep picks events up instead.
CREATE FUNCTION outbox_enqueue_drain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regproc('graphile_worker.add_job') IS NOT NULL THEN
    PERFORM graphile_worker.add_job('outbox_drain', '{}'::json, job_key := 'outbox_drain', max_attempts := 5);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "OutboxEvent_enqueue_drain"
  AFTER INSERT ON "OutboxEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_enqueue_drain();
