-- An event's commit wakes the outbox's worker with a notification on `necp_outbox`; the
-- worker's listener queues the one drain job (graphile-worker's add_job, job key
-- 'outbox_drain') — after the commit, not in it. Queued at the commit, every transaction
-- that published an event upserted that one job row while it committed, so they queued
-- one behind another on it: in the economy bench's paced mix the add_job calls were 30 % of
-- PostgreSQL's statement time (pg_stat_statements, 2026-11-28), and the game's publishing
-- transactions could never commit faster together than one row lock allows. NOTIFY is
-- transactional (sent only at the commit, never for a rollback) and one per transaction
-- (a transaction-local flag; PostgreSQL also folds identical notifications of one
-- transaction). A worker queues a drain as it starts and after each reconnect of its
-- LISTEN connection, and the cron sweep still runs every minute.
CREATE OR REPLACE FUNCTION outbox_enqueue_drain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('necp.outbox_drain_queued', true) = 'yes' THEN
    RETURN NULL;
  END IF;
  PERFORM pg_notify('necp_outbox', '');
  PERFORM set_config('necp.outbox_drain_queued', 'yes', true);
  RETURN NULL;
END;
$$;
