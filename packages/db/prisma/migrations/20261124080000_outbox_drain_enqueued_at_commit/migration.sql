-- The drain job is one graphile-worker job (job_key 'outbox_drain'): add_job updates
-- that one row, so the insert trigger locked it for the rest of every transaction that
-- published an event, and concurrent game writes queued behind each other on it
-- (pg_stat_activity under `pnpm bench:web`: inventory.move transactions waiting on
-- Lock:transactionid at INSERT INTO "OutboxEvent", p99 ~0.5 s at 50 moves/s and 60 %
-- CPU). A deferred constraint trigger runs the same enqueue at commit instead: the row
-- is locked only while the transaction commits, and the job still becomes visible to
-- the worker exactly when the event does.
DROP TRIGGER "OutboxEvent_enqueue_drain" ON "OutboxEvent";
CREATE CONSTRAINT TRIGGER "OutboxEvent_enqueue_drain"
  AFTER INSERT ON "OutboxEvent"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION outbox_enqueue_drain();
