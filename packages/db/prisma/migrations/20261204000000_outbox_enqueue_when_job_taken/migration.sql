-- graphile-worker 0.18's add_job (add_jobs) with a job key first clears the key of a job
-- already taken by a worker, then upserts `ON CONFLICT (key) DO UPDATE ... WHERE locked_at
-- IS NULL`. A worker taking the job between those two statements (its TODO: "is there a
-- risk that a conflict could occur") makes the upsert do nothing: add_job returns no job,
-- and the running drain may already have looked for events before this one committed —
-- the event then waited for the minute's sweep (the outbox-wiring test that timed out at
-- 30 s with attempts 0). Asked again, add_job sees the job taken, clears its key and
-- queues a new one.
CREATE OR REPLACE FUNCTION outbox_enqueue_drain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_job record;
BEGIN
  IF to_regproc('graphile_worker.add_job') IS NOT NULL THEN
    FOR attempt IN 1..3 LOOP
      v_job := graphile_worker.add_job('outbox_drain', '{}'::json, job_key := 'outbox_drain', max_attempts := 25);
      EXIT WHEN v_job.id IS NOT NULL;
    END LOOP;
  END IF;
  RETURN NULL;
END;
$$;
