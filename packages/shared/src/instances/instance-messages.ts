/** What the sim tells players in and around instances (socket pushes), and instance:leave. */
import { z } from 'zod';
import { GROUP_ROLES } from '../matchmaking/queue-rules';
import { ARENA_BRACKETS } from '../rating/arena-brackets';

const INSTANCE_KINDS = ['arena', 'dungeon', 'raid'] as const;

/**
 * You are moving into (`enter`) or out of (`leave`) an instance: show the
 * transition, close this connection and fetch a new ticket — it names the sim
 * process that runs where you are going.
 */
export const InstanceTransferMsgSchema = z.object({
  direction: z.enum(['enter', 'leave']),
  kind: z.enum(INSTANCE_KINDS),
  /** the instance's (enter) or the open world's (leave) zone name, for the transition */
  zoneName: z.string(),
  reason: z.enum(['finished', 'closed', 'left']).optional(),
});
export type InstanceTransferMsg = z.infer<typeof InstanceTransferMsgSchema>;

export const ArenaMemberStateSchema = z.object({
  characterId: z.string(),
  /** the entity in the instance (null: not arrived) */
  eid: z.number().nullable(),
  name: z.string(),
  health: z.number(),
  maxHealth: z.number(),
  dead: z.boolean(),
  /** damage dealt to the other team so far */
  damage: z.number(),
  kills: z.number(),
});
export type ArenaMemberState = z.infer<typeof ArenaMemberStateSchema>;

/** The arena's scoreboard, every ARENA_STATE_MS to everyone inside. */
export const ArenaStateMsgSchema = z.object({
  matchId: z.string(),
  bracket: z.enum(ARENA_BRACKETS),
  phase: z.enum(['waiting', 'countdown', 'fighting', 'over']),
  /** ms until the phase ends (waiting: the arrival deadline; countdown: gates open; fighting: the timer) */
  phaseLeftMs: z.number(),
  /** your team's index in `teams` */
  you: z.number(),
  teams: z.array(z.array(ArenaMemberStateSchema)),
});
export type ArenaStateMsg = z.infer<typeof ArenaStateMsgSchema>;

export const ArenaRatingChangeSchema = z.object({
  characterId: z.string(),
  name: z.string(),
  team: z.number(),
  before: z.number(),
  after: z.number(),
});
export type ArenaRatingChange = z.infer<typeof ArenaRatingChangeSchema>;

/** How the match ended; everyone is sent back ARENA_RETURN_MS later. */
export const ArenaResultMsgSchema = z.object({
  matchId: z.string(),
  bracket: z.enum(ARENA_BRACKETS),
  /** the winning team's index; null: a draw */
  winner: z.number().nullable(),
  by: z.enum(['defeat', 'timer', 'forfeit']),
  you: z.number(),
  ratings: z.array(ArenaRatingChangeSchema),
  returnInMs: z.number(),
});
export type ArenaResultMsg = z.infer<typeof ArenaResultMsgSchema>;

/** A dungeon's or raid's boss is down: everyone inside is credited; the instance closes `closeInMs` later. */
export const InstanceClearedMsgSchema = z.object({
  matchId: z.string(),
  kind: z.enum(['dungeon', 'raid']),
  /** the dungeon's or raid's template id */
  templateId: z.string(),
  /** its name, for the toast */
  name: z.string(),
  closeInMs: z.number(),
});
export type InstanceClearedMsg = z.infer<typeof InstanceClearedMsgSchema>;

/** instance:leave carries nothing: you leave the instance you are in. */
export const InstanceLeaveSchema = z.strictObject({});

/** Ack of instance:leave: where you are going back to, and whether leaving cost a queue penalty. */
export interface InstanceLeaveResult {
  /** the open-world zone's name (the transition follows as instance:transfer) */
  zoneName: string;
  /** ms you are barred from queueing (a dungeon left before its boss fell); null: free */
  penaltyMs: number | null;
}

/**
 * instance:roster — a dungeon group changed (docs/instances.md "Leaving and
 * backfill"): `left` someone left or dropped for good (`searching`: a replacement
 * with their role is being looked for), `found` a replacement accepted and is on
 * the way, `joined` they arrived.
 */
export const InstanceRosterMsgSchema = z.object({
  matchId: z.string(),
  event: z.enum(['left', 'found', 'joined']),
  characterId: z.string(),
  name: z.string(),
  role: z.enum(GROUP_ROLES).nullable(),
  /** left: a replacement is being looked for */
  searching: z.boolean(),
});
export type InstanceRosterMsg = z.infer<typeof InstanceRosterMsgSchema>;
