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
import { ARENA_BRACKETS } from '../rating/arena-brackets';
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

export const ReadyCheckAnswerSchema = z.strictObject({ matchId: IdSchema, accept: z.boolean() });
export type ReadyCheckAnswer = z.infer<typeof ReadyCheckAnswerSchema>;

/** match:leave and match:status carry nothing. */
export const MatchEmptySchema = z.strictObject({});
