/**
 * The matcher's periodic tick (any number of sim processes may run it at once):
 * first the ready checks past their deadline are dissolved, then each queue's
 * oldest tickets are searched for matches, and each proposal is claimed from the
 * store — a proposal another process claimed first is dropped.
 */
import { randomUUID } from 'node:crypto';
import { QUEUE_IDS, QUEUE_SPECS, READY_CHECK_MS, type QueueId } from '@necp/shared';
import { dropStaleBackfills } from './backfill';
import { findMatches } from './find-matches';
import type { MatchmakingDeps } from './matchmaking-deps';
import { expireReadyCheck, type ReadyCheckDissolved } from './ready-check';
import type { MatchRecord, MatchState } from './tickets';

/** The oldest tickets of a queue one tick searches. */
export const MATCHER_SCAN_LIMIT = 500;
/** Due ready checks one tick dissolves (the rest wait for the next tick). */
export const READY_CHECK_SWEEP_LIMIT = 100;
/** How often the sim should run the tick. */
export const MATCHER_TICK_MS = 1_000;

export interface MatchmakerTick {
  /** new ready checks: tell their members (match:found) */
  formed: MatchState[];
  /** ready checks that timed out: tell their members */
  dissolved: ReadyCheckDissolved[];
}

export async function runMatchmakerTick(
  deps: MatchmakingDeps,
  opts: { queues?: readonly QueueId[] } = {},
): Promise<MatchmakerTick> {
  const dissolved: ReadyCheckDissolved[] = [];
  for (const matchId of await deps.store.dueReadyChecks(deps.clock.ms(), READY_CHECK_SWEEP_LIMIT)) {
    const d = await expireReadyCheck(deps, { matchId });
    if (d) dissolved.push(d);
  }
  const formed: MatchState[] = [];
  for (const queue of opts.queues ?? QUEUE_IDS) {
    const now = deps.clock.ms();
    const spec = QUEUE_SPECS[queue];
    // a backfill ticket of an instance that closed meanwhile is withdrawn, not matched
    const tickets = await dropStaleBackfills(
      deps,
      await deps.store.oldestTickets(queue, MATCHER_SCAN_LIMIT),
    );
    for (const p of findMatches(queue, tickets, now)) {
      const match: MatchRecord = {
        id: randomUUID(),
        queue,
        kind: spec.kind,
        bracket: spec.kind === 'arena' ? spec.bracket : null,
        teams: p.teams,
        formedAt: now,
        deadline: now + READY_CHECK_MS,
      };
      if (await deps.store.claim(match)) formed.push({ ...match, phase: 'pending', accepted: [] });
    }
  }
  return { formed, dissolved };
}
