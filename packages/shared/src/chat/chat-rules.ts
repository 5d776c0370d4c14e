/**
 * Chat: channels, limits and what the sim sends (the sim enforces every rule; the
 * client uses the same constants to show them). The payloads players send on the
 * chat and party socket events are in schemas/chat.ts. See docs/social.md.
 */
import { z } from 'zod';
import { RARITIES } from '../content/item-schema';

/** Channels a player writes to. */
export const SENDABLE_CHANNELS = [
  'global',
  'trade',
  'district',
  'say',
  'party',
  'guild',
  'whisper',
] as const;
export type SendableChannel = (typeof SENDABLE_CHANNELS)[number];

/** Every channel a message can be in: `system` is written by the server only. */
export const CHAT_CHANNELS = [...SENDABLE_CHANNELS, 'system'] as const;
export type ChatChannel = (typeof CHAT_CHANNELS)[number];

/** Longest message, in UTF-16 code units. */
export const CHAT_MAX_LENGTH = 500;
/** Messages of each readable channel sent on login and on joining it. */
export const CHAT_HISTORY_LIMIT = 50;
/** Flood limit per character: this many messages … */
export const CHAT_FLOOD_MESSAGES = 5;
/** … per this many seconds. */
export const CHAT_FLOOD_SECONDS = 10;
/** The same text (case and spacing ignored) this many times … */
export const CHAT_REPEAT_LIMIT = 3;
/** … within this many seconds is refused. */
export const CHAT_REPEAT_SECONDS = 60;
/** `say` reaches players within this distance (m) of the speaker. */
export const SAY_RANGE_M = 30;
/** Blocked characters per character (the ignore list). */
export const CHARACTER_BLOCK_MAX = 200;
/** Messages are kept this long in PostgreSQL (history and moderation context). */
export const CHAT_RETENTION_DAYS = 30;
/** Longest mute a moderator can set. */
export const CHAT_MUTE_MAX_MINUTES = 60 * 24 * 30;

/** Items one message may link. */
export const CHAT_LINKS_MAX = 3;

/** A linked item as it was when linked: shown as a tooltip on its [Name] in the line. */
export const ChatItemLinkSchema = z.object({
  itemId: z.string(),
  templateId: z.string(),
  name: z.string(),
  rarity: z.enum(RARITIES),
  quantity: z.number().int(),
  durability: z.number().int().nullable(),
  maxDurability: z.number().int().nullable(),
});
export type ChatItemLink = z.infer<typeof ChatItemLinkSchema>;

/** `[Name]`: how a linked item reads in a message's text. */
export const itemLinkToken = (name: string) => `[${name}]`;

/** One message as clients receive it (chat:message, and the ack of chat:send). */
export const ChatMessageSchema = z.object({
  id: z.string(),
  channel: z.enum(CHAT_CHANNELS),
  /** sender's character id and name (absent for system messages) */
  fromId: z.string().optional(),
  from: z.string().optional(),
  /** whispers: the other end's name (the recipient, as the sender sees it) */
  to: z.string().optional(),
  toId: z.string().optional(),
  /** already filtered (masked) */
  text: z.string(),
  /** ms since epoch */
  at: z.number(),
  /** items linked in the text as [Name] (as they were when linked) */
  links: z.array(ChatItemLinkSchema).optional(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** chat:history — the last messages of every channel this player reads, oldest first. */
export const ChatHistoryMsgSchema = z.object({ messages: z.array(ChatMessageSchema) });
export type ChatHistoryMsg = z.infer<typeof ChatHistoryMsgSchema>;

/** Ack of chat:send: the message as delivered. */
export type ChatSendResult = ChatMessage;

/** Friends per character. */
export const FRIENDS_MAX = 200;
/** Friend requests a character may have waiting on others at once. */
export const FRIEND_REQUESTS_OUT_MAX = 50;

/** Presence of a character as friends see it. */
export const PRESENCE_STATUSES = ['online', 'afk', 'offline'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];
/** No input for this long: AFK. */
export const AFK_AFTER_MS = 5 * 60_000;
/** A sim refreshes its characters' presence this often … */
export const PRESENCE_REFRESH_MS = 60_000;
/** … and a presence not refreshed for this long (its sim died) reads as offline. */
export const PRESENCE_STALE_MS = 3 * 60_000;
/**
 * A closed connection is offline only if no new one holds the character this long
 * after: entering or leaving an instance, a move to another sim or a dropped link
 * reconnects within it, and friends hear of no leaving.
 */
export const PRESENCE_LEAVE_GRACE_MS = 15_000;

/** friend:presence — a friend came online, went AFK, changed district or left. */
export const FriendPresenceMsgSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(PRESENCE_STATUSES),
  zoneId: z.string().nullable(),
});
export type FriendPresenceMsg = z.infer<typeof FriendPresenceMsgSchema>;

/** Members of a party, leader included. */
export const PARTY_MAX = 5;
/** A party invitation lasts this long. */
export const PARTY_INVITE_MS = 60_000;
/** How a party shares drops (docs/social.md). */
export const LOOT_MODES = ['free_for_all', 'round_robin', 'need_greed', 'leader'] as const;
export type LootMode = (typeof LOOT_MODES)[number];

/** A party as its members see it. */
export const PartyViewMsgSchema = z.object({
  id: z.string(),
  leaderId: z.string(),
  lootMode: z.enum(LOOT_MODES),
  /** need/greed and leader modes apply to this rarity and better */
  lootThreshold: z.enum(RARITIES),
  members: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      level: z.number(),
      class: z.string(),
      zoneId: z.string(),
    }),
  ),
});
export type PartyViewMsg = z.infer<typeof PartyViewMsgSchema>;
/** party:update — your party now (null: you are in none). */
export const PartyUpdateMsgSchema = z.object({ party: PartyViewMsgSchema.nullable() });
export type PartyUpdateMsg = z.infer<typeof PartyUpdateMsgSchema>;
/** Each sim sends its members' vitals to their party this often (party frames, map arrows). */
export const PARTY_VITALS_MS = 1_000;
/** A member with no vitals for this long is shown as offline (its connection is gone). */
export const PARTY_VITALS_STALE_MS = 3_500;
/** One member as the party frames show it (party:vitals). */
export const PartyMemberVitalsSchema = z.object({
  id: z.string(),
  level: z.number(),
  health: z.number(),
  maxHealth: z.number(),
  dead: z.boolean(),
  zoneId: z.string(),
  /** metres in its zone */
  x: z.number(),
  y: z.number(),
});
export type PartyMemberVitals = z.infer<typeof PartyMemberVitalsSchema>;
/** party:vitals — the members one sim process holds, sent to the party's room. */
export const PartyVitalsMsgSchema = z.object({ members: z.array(PartyMemberVitalsSchema) });
export type PartyVitalsMsg = z.infer<typeof PartyVitalsMsgSchema>;
/** party:invited — someone invites you (accept within PARTY_INVITE_MS). */
export const PartyInvitedMsgSchema = z.object({
  inviteId: z.string(),
  fromId: z.string(),
  from: z.string(),
  expiresAt: z.number(),
});
export type PartyInvitedMsg = z.infer<typeof PartyInvitedMsgSchema>;
