/**
 * What a player sends on the chat and party socket events (chat:send, chat:report,
 * chat:ignore, party:invite …). The sim parses every payload with these
 * (net/client-events.ts maps each event to its schema); the domain parses a message
 * and a report again as its own edge. Channels and limits are chat rules
 * (chat/chat-rules.ts).
 */
import { z } from 'zod';
import { CHAT_LINKS_MAX, CHAT_MAX_LENGTH, SENDABLE_CHANNELS } from '../chat/chat-rules';
import { CharacterNameRefSchema, IdSchema, TextSchema } from './primitives';

/** chat:send — one message; `to` (a character name) for whispers only. */
export const ChatSendSchema = z.object({
  channel: z.enum(SENDABLE_CHANNELS),
  text: TextSchema(CHAT_MAX_LENGTH, { min: 1 }).refine(
    (t) => t.trim().length > 0,
    'Say something first',
  ),
  to: CharacterNameRefSchema.optional(),
  /** items of the sender's bag or gear linked in the text as [Name] (shift-click an item) */
  links: z.array(IdSchema).max(CHAT_LINKS_MAX).optional(),
});
export type ChatSend = z.infer<typeof ChatSendSchema>;

/** chat:report — flag a message for moderators (kept with its context). */
export const ChatReportSchema = z.object({
  messageId: IdSchema,
  reason: TextSchema(200).optional(),
});
export type ChatReport = z.infer<typeof ChatReportSchema>;

/** chat:ignore / chat:unignore — by character name. */
export const ChatIgnoreSchema = z.object({
  name: CharacterNameRefSchema,
});
export type ChatIgnore = z.infer<typeof ChatIgnoreSchema>;

/** chat:history — the last messages of the channels this player may read. */
export const ChatHistoryRequestSchema = z.object({});

/** party:invite — invite a character by name (also /invite name in the chat). */
export const PartyInviteSchema = z.object({
  name: CharacterNameRefSchema,
});
/** party:accept / party:decline — an invitation made to you. */
export const PartyInviteRefSchema = z.object({ inviteId: IdSchema });
/** party:kick / party:promote — a member of your party. */
export const PartyMemberRefSchema = z.object({ memberId: IdSchema });
/** party:leave / party:disband */
export const PartyEmptySchema = z.object({});

// The party domain's inputs (packages/game/src/party parses each again as its own edge):
// the payload above plus the acting character, which the sim takes from the session.
/** inviteToParty */
export const PartyInviteInputSchema = PartyInviteSchema.extend({ characterId: IdSchema });
/** acceptPartyInvite / declinePartyInvite */
export const PartyInviteRefInputSchema = PartyInviteRefSchema.extend({ characterId: IdSchema });
/** kickFromParty / promoteInParty */
export const PartyMemberRefInputSchema = PartyMemberRefSchema.extend({ characterId: IdSchema });
/** formGroupParty — a matched dungeon group (the sim's, not a player's) */
export const GroupPartyInputSchema = z.object({
  // far above any group: a longer list is a bug, refused before a lock is taken
  memberIds: z.array(IdSchema).max(100),
  leaders: z.array(IdSchema).max(100),
});
/** joinGroupParty — a replacement joins the group's party */
export const JoinGroupPartyInputSchema = z.object({ partyId: IdSchema, characterId: IdSchema });
