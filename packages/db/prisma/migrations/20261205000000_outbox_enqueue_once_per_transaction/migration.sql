-- The drain job is asked for once per transaction, not once per event: the trigger is a
-- deferred row trigger (a constraint trigger cannot be per statement), so a transaction
-- that published N events ran add_job N times at its commit — each an upsert of the one
-- 'outbox_drain' job row. A market batch telling 2,000 owners of their fills spent more
-- on those calls than on matching (`pnpm bench:economy`, the matcher: ~1,000 fills/s
-- with, ~5,000 without). One job queued at the commit drains every event it committed.
-- The flag is a transaction-local setting (set_config's is_local): gone at commit or
-- rollback, and set only once add_job has queued a job.
CREATE OR REPLACE FUNCTION outbox_enqueue_drain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_job record;
BEGIN
  IF current_setting('necp.outbox_drain_queued', true) = 'yes' THEN
    RETURN NULL;
  END IF;
  IF to_regproc('graphile_worker.add_job') IS NOT NULL THEN
    -- add_job may return no job when a worker takes the queued one at that moment
    -- (migration 20261204000000): asked again, it queues a new one
    FOR attempt IN 1..3 LOOP
      v_job := graphile_worker.add_job('outbox_drain', '{}'::json, job_key := 'outbox_drain', max_attempts := 25);
      IF v_job.id IS NOT NULL THEN
        PERFORM set_config('necp.outbox_drain_queued', 'yes', true);
        EXIT;
      END IF;
    END LOOP;
  END IF;
  RETURN NULL;
END;
$$;
