/**
 * What the sim tells a player about matchmaking (socket pushes and acks; the sim's
 * apps/sim/src/matchmaking builds them, the queue window reads them). Durations are
 * sent as "ms left / ms waited" beside the server's epoch times, so the client
 * counts down on its own clock without knowing the server's.
 */
import type { ArenaBracket } from '../rating/arena-brackets';
import type { GroupRole, MatchKind, QueueId } from './queue-rules';

export interface MatchTeamMember {
  characterId: string;
  name: string;
  level: number;
  /** dungeon and raid: the role queued for */
  role: GroupRole | null;
}

/** The match a ready check or a confirmed match is about. */
export interface MatchSummary {
  matchId: string;
  queue: QueueId;
  kind: MatchKind;
  bracket: ArenaBracket | null;
  /** team by team (dungeon and raid: one team) */
  teams: MatchTeamMember[][];
  /** a place in a dungeon group already inside (you replace a member who left) */
  backfill?: boolean;
}

/** match:found — a match formed with you in it: accept or decline before the deadline. */
export interface MatchFoundMsg extends MatchSummary {
  /** server epoch ms the ready check ends */
  deadline: number;
  /** ms left when sent */
  remainingMs: number;
}

/** Where a character stands in matchmaking. */
export type QueueStatusMsg =
  | { state: 'idle' }
  | {
      state: 'queued';
      queue: QueueId;
      /** server epoch ms */
      enqueuedAt: number;
      waitedMs: number;
      /** the queue's typical wait (median of recent ones); null: no estimate yet */
      estimatedWaitMs: number | null;
      /** the ticket's members (a party queues together) */
      memberIds: string[];
    }
  | (MatchSummary & {
      state: 'ready_check';
      deadline: number;
      remainingMs: number;
      /** you accepted already */
      accepted: boolean;
      acceptedCount: number;
      memberCount: number;
    })
  | (MatchSummary & { state: 'in_match' });

/** Why a match:status was sent. */
export const MATCH_STATUS_REASONS = [
  /** asked for (match:status), or on connecting */
  'status',
  'queued',
  'left',
  /** a ready check dissolved without your fault: back in the queue at the front */
  'requeued',
  /** a ready check dissolved and you are out of matchmaking (a party mate dodged it) */
  'dissolved',
  /** you declined or missed a ready check */
  'penalised',
  /** someone accepted the ready check */
  'accepted',
  /** everyone accepted: the match starts */
  'confirmed',
  /** the match is over (or could not start): you may queue again */
  'released',
  /** your party changed: its queue ticket was withdrawn */
  'party_changed',
] as const;
export type MatchStatusReason = (typeof MATCH_STATUS_REASONS)[number];

/** match:status (push, and the ack of match:status / match:queue). */
export interface MatchStatusMsg {
  reason: MatchStatusReason;
  status: QueueStatusMsg;
  /** ms until you may queue again after a declined or missed ready check; null: free */
  penaltyMs: number | null;
  /** what happened, in words for the player (dissolved, requeued, party changed …) */
  message?: string;
}

/** Ack of match:answer. */
export interface ReadyCheckAnswerResult {
  state: 'pending' | 'confirmed' | 'dissolved';
}
