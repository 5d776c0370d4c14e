/**
 * One way every writer moves rows on a board: re-read the subjects' current scores
 * from PostgreSQL and write those to Redis — never a delta, so a repeated or late
 * event leaves the newest value. Two writers of the same subject take turns: each
 * holds a transaction-scoped advisory lock on (board, subject) from its read until its
 * transaction ends, so the later one reads after the earlier one wrote (a plain read
 * takes no row locks, so the domain's lock order, core/lock-order.ts, is untouched).
 */
import type { LeaderboardKey } from '@necp/shared';
import type { Redis } from 'ioredis';
import { lockAdvisory } from '../core/advisory-locks';
import type { Tx } from '../core/deps';
import { boardSource } from './board-registry';
import { readSubjects } from './pg-boards';
import { applyUpdates, type BoardUpdate } from './redis-boards';

export async function refreshSubjects(
  tx: Tx,
  redis: Redis,
  input: { board: LeaderboardKey; ids: readonly string[]; now: Date },
): Promise<BoardUpdate[]> {
  const ids = [...new Set(input.ids)].sort();
  if (ids.length === 0) return [];
  const source = boardSource(input.board);
  await lockAdvisory(
    tx,
    'leaderboardSubject',
    ids.map((id) => `${input.board}:${id}`),
  );
  const found = new Map(
    (await readSubjects(tx, source, input.now, ids)).map((s) => [s.id, s] as const),
  );
  const updates = ids.map((id): BoardUpdate => found.get(id) ?? { id, class: null, score: null });
  await applyUpdates(redis, input.board, source.byClass, updates);
  return updates;
}
