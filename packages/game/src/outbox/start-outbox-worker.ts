import { Logger, run, type LogLevel } from 'graphile-worker';
import type { Redis } from 'ioredis';
import { databaseUrlOf } from '@necp/db';
import type { GameDeps } from '../core/deps';
import {
  SEASON_CRONTAB,
  SEASON_STARTUP_JOB_KEY,
  SEASON_TASK,
  runSeasonTick,
} from '../seasons/season-job';
import type { Log } from '../core/log';
import { drainOutbox, type DrainOptions } from './drain-outbox';
import type { OutboxSubscribers } from './subscribers';
import { wakeDrainOnEvents } from './wake-drain';

/** The job a committed event's notification queues (job_key 'outbox_drain', wake-drain.ts) and the cron sweep runs. */
export const OUTBOX_DRAIN_TASK = 'outbox_drain';
/** Every minute, in case a job was lost (e.g. events written before graphile-worker was installed). */
export const OUTBOX_SWEEP_CRONTAB = `* * * * * ${OUTBOX_DRAIN_TASK}`;

export interface OutboxWorkerOptions extends Omit<DrainOptions, 'untilEmpty'> {
  /** defaults to the URL deps.db was created with (createDb) */
  connectionString?: string;
  /** jobs run at once, 1–2: drains take disjoint events, but more buys nothing */
  concurrency?: 1 | 2;
  /** ms between polls when LISTEN/NOTIFY is quiet (graphile-worker's default: 2000) */
  pollInterval?: number;
  /**
   * More scheduled jobs run by the same worker (cleanups): task name → work, and
   * crontab lines (`m h dom mon dow task`, UTC) that schedule them. graphile-worker
   * runs each scheduled instant once across every node.
   */
  scheduled?: { tasks: Record<string, () => Promise<void>>; crontab: readonly string[] };
}

export interface OutboxWorker {
  stop(): Promise<void>;
}

/**
 * Runs graphile-worker in this process: the `outbox_drain` task drains until
 * nothing is left; a committed event's notification queues it (wake-drain.ts: this
 * process listens), the cron line sweeps once a minute. Every worker also runs the season job (seasons/season-job.ts):
 * every minute, and once as it starts, so a season end missed while every server was
 * down runs as soon as one is back. Signals are left to the host process (it calls stop()).
 */
export async function startOutboxWorker(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log'> & { redis?: Redis | undefined },
  subscribers: OutboxSubscribers,
  opts: OutboxWorkerOptions = {},
): Promise<OutboxWorker> {
  const connectionString = opts.connectionString ?? databaseUrlOf(deps.db);
  if (!connectionString)
    throw new Error('startOutboxWorker: deps.db was not made by createDb; pass connectionString');
  const log = deps.log.child({ component: 'outbox-worker' });
  const runner = await run({
    connectionString,
    concurrency: opts.concurrency ?? 1,
    maxPoolSize: 4,
    noHandleSignals: true,
    ...(opts.pollInterval ? { pollInterval: opts.pollInterval } : {}),
    logger: graphileLogger(log),
    crontab: [OUTBOX_SWEEP_CRONTAB, SEASON_CRONTAB, ...(opts.scheduled?.crontab ?? [])].join('\n'),
    taskList: {
      [SEASON_TASK]: async () => {
        await runSeasonTick(deps);
      },
      ...opts.scheduled?.tasks,
      [OUTBOX_DRAIN_TASK]: async () => {
        const r = await drainOutbox(deps, subscribers, { ...opts, untilEmpty: true });
        if (r.events > 0) log.debug(r, 'outbox drained');
        await scheduleNextRetry(deps);
      },
    },
  });
  // nothing may fail silently: a job graphile-worker gives up on is an operator's matter
  runner.events.on('job:failed', ({ job, error }) =>
    log.error(
      { err: error, jobId: job.id, task: job.task_identifier, attempts: job.attempts },
      'job failed for good (pnpm outbox dead-letters lists it)',
    ),
  );
  // a season due while no worker ran ends now (one queued run however many start at once)
  await runner.addJob(SEASON_TASK, {}, { jobKey: SEASON_STARTUP_JOB_KEY, maxAttempts: 25 });
  // committed events wake the drain; the listener queues one as it starts (events that
  // waited while no worker ran)
  const listening = wakeDrainOnEvents(deps.db, connectionString, log);
  await listening.ready;
  let stopping: Promise<void> | undefined;
  return {
    stop: () => (stopping ??= listening.close().then(() => runner.stop())),
  };
}

/**
 * Wakes the drain when the earliest event waiting out its backoff is due (one
 * `outbox_retry` job, moved to that instant), so a retry 1 s away does not wait
 * for the minute's cron sweep.
 */
export async function scheduleNextRetry(deps: Pick<GameDeps, 'db' | 'clock'>): Promise<void> {
  // (only when that is still ahead of the database's own clock too: with a clock
  // held in the past, as in tests, the job would run at once, over and over)
  const [next] = await deps.db.$queryRaw<{ at: Date | null }[]>`
    SELECT min("nextAttemptAt") AS "at" FROM "OutboxEvent"
    WHERE "publishedAt" IS NULL AND "parkedAt" IS NULL AND "nextAttemptAt" > ${deps.clock.now()}
    HAVING min("nextAttemptAt") > (now() AT TIME ZONE 'UTC')`;
  if (!next?.at) return;
  await deps.db.$executeRaw`
    SELECT graphile_worker.add_job(${OUTBOX_DRAIN_TASK}, '{}'::json, job_key := 'outbox_retry',
      run_at := ${next.at}::timestamptz, job_key_mode := 'replace', max_attempts := 25)`;
}

const LEVELS: Record<LogLevel, 'error' | 'warn' | 'info' | 'debug'> = {
  error: 'error',
  warning: 'warn',
  info: 'info',
  debug: 'debug',
};

/** graphile-worker's log lines into our pino logger (its info lines become debug: they are chatty). */
function graphileLogger(log: Log): Logger {
  return new Logger((scope) => (level, message, meta) => {
    const pinoLevel = LEVELS[level] === 'info' ? 'debug' : LEVELS[level];
    log[pinoLevel]({ ...scope, ...meta }, message);
  });
}
