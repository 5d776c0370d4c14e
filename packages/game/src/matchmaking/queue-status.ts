/**
 * What the queue window shows, read from the store by character: so a player who
 * reconnects (to any sim process) finds their queue, ready check or match again.
 */
import { estimateWaitMs, type MatchKind, type QueueId } from '@necp/shared';
import type { MatchmakingDeps } from './matchmaking-deps';
import { confirmedMatch, matchMemberIds, memberIdsOf, type ConfirmedMatch } from './tickets';

export type QueueStatusView =
  | { state: 'idle' }
  | {
      state: 'queued';
      queue: QueueId;
      /** epoch ms */
      enqueuedAt: number;
      waitedMs: number;
      /** the queue's typical whole wait (median of recent ones); null: no data yet */
      estimatedWaitMs: number | null;
      /** the ticket's members (a party queues together) */
      memberIds: string[];
    }
  | {
      state: 'ready_check';
      matchId: string;
      queue: QueueId;
      kind: MatchKind;
      /** epoch ms */
      deadline: number;
      remainingMs: number;
      /** this character accepted already */
      accepted: boolean;
      acceptedCount: number;
      memberCount: number;
    }
  | { state: 'in_match'; match: ConfirmedMatch };

export async function readQueueStatus(
  deps: Pick<MatchmakingDeps, 'store' | 'clock'>,
  input: { characterId: string },
): Promise<QueueStatusView> {
  const now = deps.clock.ms();
  const w = await deps.store.whereabouts(input.characterId);
  if (!w) return { state: 'idle' };
  if (w.kind === 'queued') {
    const t = w.ticket;
    return {
      state: 'queued',
      queue: t.queue,
      enqueuedAt: t.enqueuedAt,
      waitedMs: Math.max(0, now - t.enqueuedAt),
      estimatedWaitMs: estimateWaitMs(await deps.store.recentWaits(t.queue)),
      memberIds: memberIdsOf(t),
    };
  }
  const m = w.match;
  if (m.phase === 'confirmed') return { state: 'in_match', match: confirmedMatch(m) };
  return {
    state: 'ready_check',
    matchId: m.id,
    queue: m.queue,
    kind: m.kind,
    deadline: m.deadline,
    remainingMs: Math.max(0, m.deadline - now),
    accepted: m.accepted.includes(input.characterId),
    acceptedCount: m.accepted.length,
    memberCount: matchMemberIds(m).length,
  };
}
