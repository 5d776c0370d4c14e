/**
 * The ready check (docs/matchmaking.md): every member of a formed match accepts
 * within READY_CHECK_MS, or it dissolves. A decline dissolves it at once: every
 * ticket without the decliner goes back to its queue with its original enqueue
 * time. A timeout requeues the tickets whose members all accepted. Those who
 * declined or never answered are penalised; their party mates are simply freed
 * (a party ticket cannot go back without a member).
 */
import { CharacterReadyCheckAnswerSchema, type QueueId } from '@necp/shared';
import { parseInput } from '../core/validation';
import { matchStarted, noReadyCheck } from './errors';
import type { MatchmakingDeps } from './matchmaking-deps';
import { penaliseQueueDodgers } from './penalties';
import {
  confirmedMatch,
  matchMemberIds,
  memberIdsOf,
  ticketsOf,
  type ConfirmedMatch,
  type MatchState,
} from './tickets';

export interface ReadyCheckDissolved {
  matchId: string;
  queue: QueueId;
  reason: 'declined' | 'timeout';
  /** back in the queue, at their original enqueue time */
  requeued: string[];
  /** out of matchmaking, no penalty (a party mate of someone penalised) */
  freed: string[];
  /** declined or did not answer: barred from queueing until (epoch ms) */
  penalised: { characterId: string; until: number }[];
}

export type ReadyCheckOutcome =
  | { state: 'pending'; matchId: string; acceptedCount: number; memberCount: number }
  /** everyone accepted: create the instance (exactly one answer returns this per match) */
  | { state: 'confirmed'; match: ConfirmedMatch }
  | { state: 'dissolved'; dissolved: ReadyCheckDissolved };

/** Dissolves a pending match; null when another process (or answer) got there first. */
async function dissolveMatch(
  deps: MatchmakingDeps,
  m: MatchState,
  offenders: readonly string[],
  reason: ReadyCheckDissolved['reason'],
): Promise<ReadyCheckDissolved | null> {
  const bad = new Set(offenders);
  const requeue = ticketsOf(m).filter((t) => !memberIdsOf(t).some((id) => bad.has(id)));
  if (!(await deps.store.dissolve(m, { requeue }))) return null;
  const requeued = requeue.flatMap(memberIdsOf);
  return {
    matchId: m.id,
    queue: m.queue,
    reason,
    requeued,
    freed: matchMemberIds(m).filter((id) => !bad.has(id) && !requeued.includes(id)),
    penalised: await penaliseQueueDodgers(deps, offenders),
  };
}

/** A ready check past its deadline: whoever did not accept is penalised. */
export async function expireReadyCheck(
  deps: MatchmakingDeps,
  input: { matchId: string },
): Promise<ReadyCheckDissolved | null> {
  const m = await deps.store.match(input.matchId);
  if (!m || m.phase !== 'pending' || deps.clock.ms() < m.deadline) return null;
  const silent = matchMemberIds(m).filter((id) => !m.accepted.includes(id));
  return dissolveMatch(deps, m, silent, 'timeout');
}

export async function answerReadyCheck(
  deps: MatchmakingDeps,
  input: { characterId: string; matchId: string; accept: boolean },
): Promise<ReadyCheckOutcome> {
  const { characterId, matchId, accept } = parseInput(
    CharacterReadyCheckAnswerSchema,
    input,
    'Invalid answer.',
  );
  const m = await deps.store.match(matchId);
  if (!m || !matchMemberIds(m).includes(characterId)) throw noReadyCheck();
  if (m.phase === 'confirmed') throw matchStarted();
  const now = deps.clock.ms();
  const expire = async (): Promise<ReadyCheckOutcome> => {
    const dissolved = await expireReadyCheck(deps, { matchId: m.id });
    if (!dissolved) throw noReadyCheck();
    return { state: 'dissolved', dissolved };
  };
  if (now >= m.deadline) return expire();
  if (!accept) {
    const dissolved = await dissolveMatch(deps, m, [characterId], 'declined');
    if (dissolved) return { state: 'dissolved', dissolved };
    if ((await deps.store.match(m.id))?.phase === 'confirmed') throw matchStarted();
    throw noReadyCheck();
  }
  const r = await deps.store.accept(m, characterId, now);
  switch (r.kind) {
    case 'pending':
      return {
        state: 'pending',
        matchId: m.id,
        acceptedCount: r.acceptedCount,
        memberCount: matchMemberIds(m).length,
      };
    case 'confirmed':
      return { state: 'confirmed', match: confirmedMatch(m) };
    case 'late':
      return expire();
    case 'gone':
      if ((await deps.store.match(m.id))?.phase === 'confirmed') throw matchStarted();
      throw noReadyCheck();
  }
}
