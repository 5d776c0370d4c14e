/**
 * What the sim tells a player about matchmaking (socket pushes and acks; the sim's
 * apps/sim/src/matchmaking builds them, the queue window reads them). Durations are
 * sent as "ms left / ms waited" beside the server's epoch times, so the client
 * counts down on its own clock without knowing the server's.
 */
import { z } from 'zod';
import { ARENA_BRACKETS } from '../rating/arena-brackets';
import { GROUP_ROLES, MATCH_KINDS, QUEUE_IDS } from './queue-rules';

export const MatchTeamMemberSchema = z.object({
  characterId: z.string(),
  name: z.string(),
  level: z.number(),
  /** dungeon and raid: the role queued for */
  role: z.enum(GROUP_ROLES).nullable(),
});
export type MatchTeamMember = z.infer<typeof MatchTeamMemberSchema>;

/** The match a ready check or a confirmed match is about. */
export const MatchSummarySchema = z.object({
  matchId: z.string(),
  queue: z.enum(QUEUE_IDS),
  kind: z.enum(MATCH_KINDS),
  bracket: z.enum(ARENA_BRACKETS).nullable(),
  /** team by team (dungeon and raid: one team) */
  teams: z.array(z.array(MatchTeamMemberSchema)),
  /** a place in a dungeon group already inside (you replace a member who left) */
  backfill: z.boolean().optional(),
});
export type MatchSummary = z.infer<typeof MatchSummarySchema>;

/** match:found — a match formed with you in it: accept or decline before the deadline. */
export const MatchFoundMsgSchema = MatchSummarySchema.extend({
  /** server epoch ms the ready check ends */
  deadline: z.number(),
  /** ms left when sent */
  remainingMs: z.number(),
});
export type MatchFoundMsg = z.infer<typeof MatchFoundMsgSchema>;

/** Where a character stands in matchmaking. */
export const QueueStatusMsgSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('idle') }),
  z.object({
    state: z.literal('queued'),
    queue: z.enum(QUEUE_IDS),
    /** server epoch ms */
    enqueuedAt: z.number(),
    waitedMs: z.number(),
    /** the queue's typical wait (median of recent ones); null: no estimate yet */
    estimatedWaitMs: z.number().nullable(),
    /** the ticket's members (a party queues together) */
    memberIds: z.array(z.string()),
  }),
  MatchSummarySchema.extend({
    state: z.literal('ready_check'),
    deadline: z.number(),
    remainingMs: z.number(),
    /** you accepted already */
    accepted: z.boolean(),
    acceptedCount: z.number(),
    memberCount: z.number(),
  }),
  MatchSummarySchema.extend({ state: z.literal('in_match') }),
]);
export type QueueStatusMsg = z.infer<typeof QueueStatusMsgSchema>;

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
export const MatchStatusMsgSchema = z.object({
  reason: z.enum(MATCH_STATUS_REASONS),
  status: QueueStatusMsgSchema,
  /** ms until you may queue again after a declined or missed ready check; null: free */
  penaltyMs: z.number().nullable(),
  /** what happened, in words for the player (dissolved, requeued, party changed …) */
  message: z.string().optional(),
});
export type MatchStatusMsg = z.infer<typeof MatchStatusMsgSchema>;

/** Ack of match:answer. */
export interface ReadyCheckAnswerResult {
  state: 'pending' | 'confirmed' | 'dissolved';
}
