/**
 * What the Redis store keeps as JSON (redis-store.ts) — a queued ticket and a formed
 * match — and the schemas it reads them back with (core/redis-values.ts). Another
 * version of the code, a half-written value or an operator's hand may have put
 * anything under those keys: what does not parse is not a ticket or a match.
 */
import { ARENA_BRACKETS, GroupRoleSchema, MATCH_KINDS, QUEUE_IDS } from '@necp/shared';
import { z } from 'zod';
import type { BackfillSlot, MatchRecord, QueueTicket, TicketMember } from './tickets';

const TicketMemberSchema = z.object({
  characterId: z.string().min(1),
  name: z.string(),
  level: z.int(),
  role: GroupRoleSchema.nullable(),
  rating: z.number().nullable(),
}) satisfies z.ZodType<TicketMember>;

const BackfillSlotSchema = z.object({
  matchId: z.string().min(1),
  instanceId: z.string().min(1),
  role: GroupRoleSchema,
  levels: z.array(z.int()),
}) satisfies z.ZodType<BackfillSlot>;

export const QueueTicketSchema = z.object({
  id: z.string().min(1),
  queue: z.enum(QUEUE_IDS),
  leaderId: z.string(),
  partyId: z.string().nullable(),
  members: z.array(TicketMemberSchema),
  rating: z.number().nullable(),
  enqueuedAt: z.number(),
  premade: z.boolean().optional(),
  backfill: BackfillSlotSchema.optional(),
}) satisfies z.ZodType<QueueTicket>;

export const MatchRecordSchema = z.object({
  id: z.string().min(1),
  queue: z.enum(QUEUE_IDS),
  kind: z.enum(MATCH_KINDS),
  bracket: z.enum(ARENA_BRACKETS).nullable(),
  teams: z.array(z.array(QueueTicketSchema)),
  formedAt: z.number(),
  deadline: z.number(),
}) satisfies z.ZodType<MatchRecord>;

/** A recorded wait (ms, queue to formed match: the claim script's, a number's decimal text). */
export const WaitSchema = z.number();
