/**
 * Domain events written to the transactional outbox. Each type has a Zod schema:
 * publishers are checked before the row is written, subscribers get a parsed payload.
 */
import {
  ARENA_BRACKETS,
  QUEST_ACTIONS,
  FRIENDS_MAX,
  GUILD_MEMBERS_MAX,
  NOTIFICATION_KINDS,
  NPC_RANKS,
} from '@necp/shared';
import { z } from 'zod';

const id = z.string().min(1);
const metres = z.number().finite();

export const NpcKilledPayloadSchema = z.object({
  zoneId: id,
  npcTemplateId: id,
  npcName: z.string(),
  level: z.int().min(1),
  rank: z.enum(NPC_RANKS),
  x: metres,
  y: metres,
  /** contributors who earned credit (at least KILL_CREDIT_MIN_SHARE of the damage) */
  killers: z.array(z.object({ characterId: id, damage: z.number().min(0), xp: z.int().min(0) })),
  /** who the loot belongs to (top contributor); null when nobody earned credit */
  lootOwnerId: id.nullable(),
});

export const CharacterDiedPayloadSchema = z.object({
  characterId: id,
  zoneId: id,
  x: metres,
  y: metres,
  killer: z.object({ kind: z.enum(['npc', 'player']), id, name: z.string() }).nullable(),
});

export const CharacterLeveledPayloadSchema = z.object({
  characterId: id,
  level: z.int().min(1),
  previousLevel: z.int().min(1),
});

export const ItemPickedUpPayloadSchema = z.object({
  characterId: id,
  itemId: id,
  templateId: id,
  quantity: z.int().min(1),
  zoneId: id,
});

/** The sim saw a character enter a named area of a zone (content zones.ts `areas`). */
export const AreaEnteredPayloadSchema = z.object({
  characterId: id,
  zoneId: id,
  areaId: id,
});

/** A character used one unit of an item (item:use), where it stood. */
export const ItemUsedPayloadSchema = z.object({
  characterId: id,
  itemId: id,
  templateId: id,
  zoneId: id,
  x: metres,
  y: metres,
});

/** A quest was turned in (achievements, leaderboards and world state listen later). */
export const QuestCompletedPayloadSchema = z.object({
  characterId: id,
  questId: id,
  periodKey: id,
  xp: z.int().min(0),
  eddies: z.int().min(0),
});

/**
 * A character did something an `action` objective counts (posted in the chat, sent
 * or accepted a party invitation, went solo at the welcome quest's party step).
 * Written only while such an objective is open (quests/quest-actions.ts), once per
 * quest run and action.
 */
export const QuestActionPayloadSchema = z.object({
  characterId: id,
  action: z.enum(QUEST_ACTIONS),
});

/**
 * Who may do what on an account changed (role, ban, revoked sessions, one session
 * signed out): every sim node re-checks that account's open sockets (a ban or
 * revocation disconnects them all, a sign-out those opened by that session's tickets;
 * a role change takes effect on the next command that needs it).
 */
export const AccountAccessChangedPayloadSchema = z.object({
  userId: id,
  reason: z.enum(['role', 'ban', 'unban', 'sessions', 'password', 'sign_out']),
  /** reason sign_out: the login session that ended (the sim ticket's `sid`) */
  sessionId: id.optional(),
});

/**
 * Something that feeds a character's derived stats changed outside the sim (equip,
 * unequip, buy, sell, use, bank moves …): the sim holding the character re-reads them.
 */
export const CharacterStatsChangedPayloadSchema = z.object({
  characterId: id,
  /** what changed them, for logs ('equip', 'vendor.sell' …) */
  cause: z.string().min(1).max(64),
});

/** A craft finished with something made: the taker's craft contracts count it. */
export const CraftFinishedPayloadSchema = z.object({
  characterId: id,
  craftId: id,
  recipeId: id,
});

/**
 * A character joined a guild (founded it or accepted an invitation): its sockets, on
 * whichever sim node, join the guild's room (guild chat) and are told to refetch.
 */
export const GuildMemberJoinedPayloadSchema = z.object({ guildId: id, characterId: id });

/** A character left a guild or was kicked: its sockets leave the guild's room. */
export const GuildMemberLeftPayloadSchema = z.object({
  guildId: id,
  characterId: id,
  reason: z.enum(['left', 'kicked']),
});

/** The leader disbanded a guild: every member's sockets leave its room. */
export const GuildDisbandedPayloadSchema = z.object({
  guildId: id,
  memberIds: z.array(id).max(GUILD_MEMBERS_MAX),
});

/** A character was invited to a guild (never written when the invitee blocks the inviter). */
export const GuildInvitedPayloadSchema = z.object({
  inviteId: id,
  guildId: id,
  guildName: z.string().min(1),
  guildTag: z.string().min(1),
  fromId: id,
  from: z.string().min(1),
  toId: id,
  /** epoch ms */
  expiresAt: z.int().min(0),
});

/** A notification became visible for a character: pushed to its sockets (any process). */
export const NotificationCreatedPayloadSchema = z.object({
  notificationId: id,
  characterId: id,
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** epoch ms it shows from (later for mail still on its way: then not pushed) */
  visibleAt: z.int().min(0),
});

/**
 * Two characters became friends (a request accepted, or two requests crossing):
 * each with its friend count right after, counted under both rows' locks.
 */
export const FriendAddedPayloadSchema = z.object({
  characters: z
    .array(z.object({ characterId: id, friends: z.int().min(1).max(FRIENDS_MAX) }))
    .length(2),
});

/**
 * A character chose another achievement title (or none): the sim re-reads it and
 * shows it on the nameplate. Carries no title: the handler reads the current one, so
 * events handled late or out of order still leave the newest.
 */
export const CharacterTitleChangedPayloadSchema = z.object({ characterId: id });

/**
 * A character blocked or unblocked another (chat/blocks.ts, from the chat's /ignore or
 * the web's friends window): the blocker's sockets follow the block as it is now.
 */
export const CharacterBlockChangedPayloadSchema = z.object({ blockerId: id, blockedId: id });

/** A character joined a party (accepting an invitation; the inviter too when that founded it). */
export const PartyJoinedPayloadSchema = z.object({ partyId: id, characterId: id });

/** The most characters one instance holds (a 40-player raid). */
const INSTANCE_MEMBERS_MAX = 40;
/** Who was in an instance when its last boss fell (published by the instance's owner). */
const instanceMembers = z.array(id).min(1).max(INSTANCE_MEMBERS_MAX);

/** A dungeon instance was cleared: every character in it is credited. */
export const DungeonClearedPayloadSchema = z.object({
  instanceId: id,
  dungeonId: id,
  characterIds: instanceMembers,
});

/** A raid instance was cleared: every character in it is credited. */
export const RaidClearedPayloadSchema = z.object({
  instanceId: id,
  raidId: id,
  characterIds: instanceMembers,
});

/** An arena match ended; a draw has no winners. */
export const ArenaMatchFinishedPayloadSchema = z.object({
  matchId: id,
  bracket: z.enum(ARENA_BRACKETS),
  winners: z.array(id).max(3),
  losers: z.array(id).max(3),
  /** how much each participant's result counted, 0–1 (finishArenaMatch); absent: all of it */
  weights: z.record(id, z.number().min(0).max(1)).optional(),
});

/**
 * A character earned achievements (record-progress.ts, in the completion's
 * transaction): the leaderboards re-read its points.
 */
export const AchievementEarnedPayloadSchema = z.object({
  characterId: id,
  achievementIds: z.array(id).min(1),
  /** the character's achievement points right after */
  points: z.int().min(0),
});

/**
 * A character was created, soft-deleted or restored (characters/): the leaderboards
 * list or unlist it.
 */
export const CharacterLifecyclePayloadSchema = z.object({ characterId: id, userId: id });

/**
 * A season ended and the next opened (seasons/end-season.ts, in its transaction): every
 * board page shows the new season (the arena boards start empty, the filter gains the
 * ended one).
 */
export const SeasonEndedPayloadSchema = z.object({ ended: id, opened: id });

/**
 * Members' activity earned a guild renown (renown/credit-renown.ts, in the crediting
 * transaction, once per event and guild): the renown board re-reads the guild.
 */
export const GuildRenownCreditedPayloadSchema = z.object({
  guildId: id,
  season: id,
  /** what this event added */
  points: z.int().min(1),
  /** the guild's renown of the season right after */
  renown: z.int().min(1),
});

export const OUTBOX_EVENT_SCHEMAS = {
  'npc.killed': NpcKilledPayloadSchema,
  'character.died': CharacterDiedPayloadSchema,
  'character.leveled': CharacterLeveledPayloadSchema,
  'item.picked_up': ItemPickedUpPayloadSchema,
  'area.entered': AreaEnteredPayloadSchema,
  'item.used': ItemUsedPayloadSchema,
  'quest.completed': QuestCompletedPayloadSchema,
  'quest.action': QuestActionPayloadSchema,
  'account.access_changed': AccountAccessChangedPayloadSchema,
  'character.stats_changed': CharacterStatsChangedPayloadSchema,
  'craft.finished': CraftFinishedPayloadSchema,
  'character.title_changed': CharacterTitleChangedPayloadSchema,
  'character.block_changed': CharacterBlockChangedPayloadSchema,
  'notification.created': NotificationCreatedPayloadSchema,
  'guild.member_joined': GuildMemberJoinedPayloadSchema,
  'guild.member_left': GuildMemberLeftPayloadSchema,
  'guild.disbanded': GuildDisbandedPayloadSchema,
  'guild.invited': GuildInvitedPayloadSchema,
  'friend.added': FriendAddedPayloadSchema,
  'party.joined': PartyJoinedPayloadSchema,
  'dungeon.cleared': DungeonClearedPayloadSchema,
  'raid.cleared': RaidClearedPayloadSchema,
  'arena.match_finished': ArenaMatchFinishedPayloadSchema,
  'achievement.earned': AchievementEarnedPayloadSchema,
  'character.created': CharacterLifecyclePayloadSchema,
  'character.deleted': CharacterLifecyclePayloadSchema,
  'character.restored': CharacterLifecyclePayloadSchema,
  'season.ended': SeasonEndedPayloadSchema,
  'guild.renown_credited': GuildRenownCreditedPayloadSchema,
} as const;

export type OutboxEventType = keyof typeof OUTBOX_EVENT_SCHEMAS;
export const OUTBOX_EVENT_TYPES = Object.keys(OUTBOX_EVENT_SCHEMAS) as OutboxEventType[];

export type OutboxPayloads = {
  [T in OutboxEventType]: z.infer<(typeof OUTBOX_EVENT_SCHEMAS)[T]>;
};
export type NpcKilledPayload = OutboxPayloads['npc.killed'];
export type CharacterDiedPayload = OutboxPayloads['character.died'];
export type CharacterLeveledPayload = OutboxPayloads['character.leveled'];
export type ItemPickedUpPayload = OutboxPayloads['item.picked_up'];
export type AreaEnteredPayload = OutboxPayloads['area.entered'];
export type ItemUsedPayload = OutboxPayloads['item.used'];
export type QuestCompletedPayload = OutboxPayloads['quest.completed'];
export type QuestActionPayload = OutboxPayloads['quest.action'];
export type AccountAccessChangedPayload = OutboxPayloads['account.access_changed'];
export type CharacterStatsChangedPayload = OutboxPayloads['character.stats_changed'];
export type CharacterTitleChangedPayload = OutboxPayloads['character.title_changed'];
export type CharacterBlockChangedPayload = OutboxPayloads['character.block_changed'];
export type GuildMemberJoinedPayload = OutboxPayloads['guild.member_joined'];
export type GuildMemberLeftPayload = OutboxPayloads['guild.member_left'];
export type GuildDisbandedPayload = OutboxPayloads['guild.disbanded'];
export type GuildInvitedPayload = OutboxPayloads['guild.invited'];
export type NotificationCreatedPayload = OutboxPayloads['notification.created'];
export type FriendAddedPayload = OutboxPayloads['friend.added'];
export type PartyJoinedPayload = OutboxPayloads['party.joined'];
export type DungeonClearedPayload = OutboxPayloads['dungeon.cleared'];
export type RaidClearedPayload = OutboxPayloads['raid.cleared'];
export type ArenaMatchFinishedPayload = OutboxPayloads['arena.match_finished'];
export type AchievementEarnedPayload = OutboxPayloads['achievement.earned'];
export type CharacterLifecyclePayload = OutboxPayloads['character.created'];
export type SeasonEndedPayload = OutboxPayloads['season.ended'];
export type GuildRenownCreditedPayload = OutboxPayloads['guild.renown_credited'];

/** What a subscriber receives: the stored row with its payload parsed. */
export type OutboxEvent<T extends OutboxEventType = OutboxEventType> = {
  [K in T]: { id: bigint; type: K; key: string; payload: OutboxPayloads[K]; createdAt: Date };
}[T];

export const isOutboxEventType = (t: string): t is OutboxEventType =>
  Object.hasOwn(OUTBOX_EVENT_SCHEMAS, t);

/** Parses a stored row; throws (the drain records it as the subscriber's failure) on a bad payload. */
export function parseOutboxEvent(row: {
  id: bigint;
  type: string;
  key: string;
  payload: unknown;
  createdAt: Date;
}): OutboxEvent {
  if (!isOutboxEventType(row.type)) throw new Error(`unknown outbox event type ${row.type}`);
  const payload: unknown = OUTBOX_EVENT_SCHEMAS[row.type].parse(row.payload);
  return { ...row, type: row.type, payload } as OutboxEvent;
}
