/**
 * The wire forms of matchmaking (packages/shared matchmaking/queue-messages.ts) built
 * from the domain's: teams carry names (the ready-check popup shows who), durations
 * are sent as ms left beside the epoch times.
 */
import type { MatchFoundMsg, MatchSummary, MatchTeamMember, QueueStatusMsg } from '@necp/shared';
import type { MatchRecord, QueueStatusView } from '@necp/game';

export function matchSummary(m: MatchRecord): MatchSummary {
  return {
    matchId: m.id,
    queue: m.queue,
    kind: m.kind,
    bracket: m.bracket,
    ...(m.teams.flat().some((t) => t.backfill) ? { backfill: true } : {}),
    teams: m.teams.map((team) =>
      team.flatMap((ticket) =>
        ticket.members.map((x): MatchTeamMember => ({
          characterId: x.characterId,
          name: x.name,
          level: x.level,
          role: x.role,
        })),
      ),
    ),
  };
}

export const matchFoundMsg = (m: MatchRecord, nowMs: number): MatchFoundMsg => ({
  ...matchSummary(m),
  deadline: m.deadline,
  remainingMs: Math.max(0, m.deadline - nowMs),
});

/** `match`: the record of a ready_check / in_match status (its teams); null when it vanished meanwhile. */
export function queueStatusMsg(view: QueueStatusView, match: MatchRecord | null): QueueStatusMsg {
  switch (view.state) {
    case 'idle':
      return { state: 'idle' };
    case 'queued':
      return {
        state: 'queued',
        queue: view.queue,
        enqueuedAt: view.enqueuedAt,
        waitedMs: view.waitedMs,
        estimatedWaitMs: view.estimatedWaitMs,
        memberIds: view.memberIds,
      };
    case 'ready_check':
      if (!match) return { state: 'idle' };
      return {
        ...matchSummary(match),
        state: 'ready_check',
        deadline: view.deadline,
        remainingMs: view.remainingMs,
        accepted: view.accepted,
        acceptedCount: view.acceptedCount,
        memberCount: view.memberCount,
      };
    case 'in_match':
      if (!match) return { state: 'idle' };
      return { ...matchSummary(match), state: 'in_match' };
  }
}
