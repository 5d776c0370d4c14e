/**
 * Rebuilding a board from PostgreSQL: when its sorted sets are missing (a fresh or
 * flushed Redis, an evicted key), every minute by the refresh job, on a read that
 * finds them missing (in the background: the read answers from PostgreSQL), and by
 * the operator (`pnpm leaderboards rebuild`).
 *
 * One rebuild per board at a time across every process (the `building` marker, SET
 * NX). It copies every listed subject into temporary sets, adds the sentinels, and
 * renames them over the live ones in one MULTI, so readers see the old board or the
 * new one, never half of one. Updates that arrive meanwhile write the live sets and
 * are noted in `dirty`; once swapped in, those subjects are read again, so the copy
 * (which may have read them before they changed) cannot undo them.
 */
import { randomUUID } from 'node:crypto';
import { CLASS_IDS, LEADERBOARD_KEYS, type LeaderboardKey } from '@necp/shared';
import type { Redis } from 'ioredis';
import type { GameDeps } from '../core/deps';
import { boardSource } from './board-registry';
import { readAllSubjects } from './pg-boards';
import { refreshSubjects } from './refresh-subjects';
import { boardBuilt, boardKeys, releaseBuilding, SENTINEL } from './redis-boards';
import { inTransaction } from '../core/transaction';

/** How long a rebuild may hold its board's marker (a crashed one frees it then). */
export const REBUILD_MARKER_TTL_MS = 30 * 60_000;
/** Subjects re-read per transaction after the swap. */
const DIRTY_BATCH = 500;

export type RebuildDeps = Pick<GameDeps, 'db' | 'clock' | 'log'> & { redis: Redis };

export type RebuildResult =
  { board: LeaderboardKey; rows: number; ms: number } | { board: LeaderboardKey; busy: true };

export async function rebuildBoard(
  deps: RebuildDeps,
  board: LeaderboardKey,
): Promise<RebuildResult> {
  const { redis } = deps;
  const source = boardSource(board);
  const k = boardKeys(board);
  const token = randomUUID();
  if ((await redis.set(k.building, token, 'PX', REBUILD_MARKER_TTL_MS, 'NX')) !== 'OK')
    return { board, busy: true };
  const started = deps.clock.ms();
  const classes = source.byClass ? CLASS_IDS : [];
  const tmp = [k.tmpAll, ...classes.map(k.tmpCls)];
  const live = [k.all, ...classes.map(k.cls)];
  try {
    await redis.del(k.dirty, ...tmp);
    let rows = 0;
    for await (const batch of readAllSubjects(deps.db, source, deps.clock.now())) {
      const pipe = redis.pipeline();
      pipe.zadd(k.tmpAll, ...batch.flatMap((s) => [-s.score, s.id]));
      for (const c of classes) {
        const of = batch.filter((s) => s.class === c);
        if (of.length > 0) pipe.zadd(k.tmpCls(c), ...of.flatMap((s) => [-s.score, s.id]));
      }
      await execOrThrow(pipe);
      rows += batch.length;
    }
    const swap = redis.multi();
    for (const t of tmp) swap.zadd(t, '+inf', SENTINEL);
    tmp.forEach((t, i) => swap.rename(t, live[i]!));
    await execOrThrow(swap);

    const dirty = await redis.smembers(k.dirty);
    for (let i = 0; i < dirty.length; i += DIRTY_BATCH) {
      const ids = dirty.slice(i, i + DIRTY_BATCH);
      await inTransaction(deps.db, (tx) =>
        refreshSubjects(tx, redis, { board, ids, now: deps.clock.now() }),
      );
    }
    const ms = deps.clock.ms() - started;
    deps.log.info({ board, rows, dirty: dirty.length, ms }, 'leaderboard rebuilt');
    return { board, rows, ms };
  } finally {
    await redis.del(k.dirty, ...tmp).catch(() => undefined);
    await releaseBuilding(redis, board, token).catch(() => undefined);
  }
}

async function execOrThrow(p: { exec(): Promise<[Error | null, unknown][] | null> }) {
  const results = await p.exec();
  const failed = results?.find(([err]) => err);
  if (failed) throw failed[0];
}

/** Rebuilds the boards whose sets are missing (the refresh job, start-up). */
export async function rebuildMissingBoards(deps: RebuildDeps): Promise<RebuildResult[]> {
  const out: RebuildResult[] = [];
  for (const board of LEADERBOARD_KEYS)
    if (!(await boardBuilt(deps.redis, board, boardSource(board).byClass)))
      out.push(await rebuildBoard(deps, board));
  return out;
}

/**
 * Rebuilds started by reads that found a board missing, per process and board (the
 * marker keeps processes apart): a read never waits for one.
 */
const pending = new Map<string, Promise<void>>();

export function rebuildInBackground(deps: RebuildDeps, board: LeaderboardKey): void {
  const key = `${deps.redis.options.keyPrefix ?? ''}${board}`;
  if (pending.has(key)) return;
  const p = rebuildBoard(deps, board)
    .then(() => undefined)
    .catch((err: unknown) => deps.log.warn({ err, board }, 'leaderboard rebuild failed'))
    .finally(() => pending.delete(key));
  pending.set(key, p);
}

/** Resolves once the background rebuilds started so far have ended (tests, shutdown). */
export async function settleLeaderboardRebuilds(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending.values()]);
}
