/**
 * What a player sends to queue, to answer a ready check and to leave or ask for its
 * status (the sim's match:queue / match:answer / match:leave / match:status handlers
 * parse with these; the domain parses a ticket and an answer again as its own edge).
 * Queues, roles and brackets are matchmaking rules (matchmaking/queue-rules.ts); what
 * the sim tells the player back is matchmaking/queue-messages.ts.
 */
import { z } from 'zod';
import { PARTY_MAX } from '../chat/chat-rules';
import { GROUP_ROLES } from '../matchmaking/queue-rules';
import { ARENA_BRACKETS, ARENA_TEAM_SIZE } from '../rating/arena-brackets';
import { IdSchema } from './primitives';

export const GroupRoleSchema = z.enum(GROUP_ROLES);

/**
 * Roles of the leader's party members other than the leader (character id → role);
 * required for a party's dungeon or raid ticket, which the leader queues.
 */
const PartyRolesSchema = z
  .record(IdSchema, GroupRoleSchema)
  .refine((r) => Object.keys(r).length < PARTY_MAX, 'Too many party roles');

/**
 * Dungeon and raid: true when a party goes in as it is, without strangers filling
 * the free places (a match of its own ticket alone, still with a ready check).
 */
const PremadeSchema = z.boolean().optional();

export const JoinQueueInputSchema = z.discriminatedUnion('queue', [
  z.strictObject({ queue: z.literal('arena'), bracket: z.enum(ARENA_BRACKETS) }),
  z.strictObject({
    queue: z.literal('dungeon'),
    role: GroupRoleSchema,
    partyRoles: PartyRolesSchema.optional(),
    premade: PremadeSchema,
  }),
  z.strictObject({
    queue: z.literal('raid'),
    role: GroupRoleSchema,
    partyRoles: PartyRolesSchema.optional(),
    premade: PremadeSchema,
  }),
]);
export type JoinQueueInput = z.infer<typeof JoinQueueInputSchema>;

/** The domain's joinQueue: the request and who sends it (the sim adds the session's character). */
export const CharacterJoinQueueSchema = z.object({
  characterId: IdSchema,
  request: JoinQueueInputSchema,
});

export const ReadyCheckAnswerSchema = z.strictObject({ matchId: IdSchema, accept: z.boolean() });
export type ReadyCheckAnswer = z.infer<typeof ReadyCheckAnswerSchema>;

/** The domain's answerReadyCheck: the answer and who gives it. */
export const CharacterReadyCheckAnswerSchema = ReadyCheckAnswerSchema.extend({
  characterId: IdSchema,
});

/** match:leave and match:status carry nothing. */
export const MatchEmptySchema = z.strictObject({});

const ArenaTeamSchema = z.array(IdSchema).min(1).max(3);
/** What the arena instance reports when a match ends (the sim's, not a player's). */
export const FinishArenaMatchSchema = z
  .object({
    matchId: IdSchema,
    bracket: z.enum(ARENA_BRACKETS),
    teams: z.tuple([ArenaTeamSchema, ArenaTeamSchema]),
    /** the winning team's index; null: a draw (the timer ran out even) */
    winner: z.union([z.literal(0), z.literal(1)]).nullable(),
    /** when the match was confirmed (default: now, if no recordMatchStarted row exists) */
    startedAt: z.date().optional(),
    /** what the arena saw: how long they fought, how it ended, the damage each team dealt */
    fight: z.object({
      foughtMs: z.number().int().min(0).nullable(),
      by: z.enum(['defeat', 'timer', 'forfeit']),
      damageByTeam: z.tuple([z.number().min(0), z.number().min(0)]),
    }),
  })
  .refine((m) => m.teams.every((t) => t.length <= ARENA_TEAM_SIZE[m.bracket]), 'team too big')
  .refine((m) => new Set(m.teams.flat()).size === m.teams.flat().length, 'a character twice');
export type FinishArenaMatch = z.infer<typeof FinishArenaMatchSchema>;
