/**
 * Socket contracts between the browser and apps/sim: the event maps both sides type
 * their sockets with, and the handshake. Every client→server payload has a Zod
 * schema and is parsed by the sim before anything else happens (client-events.ts);
 * every server→client payload but the binary snapshot has one too, and the web
 * client parses each push with it (server-events.ts). Positions on the
 * wire are integers in centimetres (compact, no float noise). The payloads, acks
 * and messages live in the modules re-exported below; this stays the one import.
 */
import type {
  ArenaResultMsg,
  ArenaStateMsg,
  InstanceClearedMsg,
  InstanceLeaveResult,
  InstanceRosterMsg,
  InstanceTransferMsg,
} from '../instances/instance-messages';
import { QUANTUM_SYNC_TOKEN_MAX_LENGTH } from '../instances/instance-rules';
import { z } from 'zod';
import type { Refusal } from './refusals';
import type {
  MatchFoundMsg,
  MatchStatusMsg,
  ReadyCheckAnswerResult,
} from '../matchmaking/queue-messages';
import type {
  ChatHistoryMsg,
  ChatMessage,
  ChatSendResult,
  FriendPresenceMsg,
  PartyInvitedMsg,
  PartyUpdateMsg,
  PartyViewMsg,
  PartyVitalsMsg,
} from '../chat/chat-rules';
import type {
  LootAssignStartMsg,
  LootGivenMsg,
  LootRollResultMsg,
  LootRollStartMsg,
} from '../rules/party-loot';
import type { NotificationNewMsg } from '../notifications/notification-rules';
import type { GuildInvitedMsg, GuildUpdateMsg } from '../guild/guild-rules';
import type { ContractProgressMsg } from '../contracts/contract-rules';
import type {
  Ack,
  CombatUseResult,
  ItemDropResult,
  ItemUseResult,
  LootResult,
  PickupResult,
  RespawnResult,
  TravelResult,
} from './ack-results';
import type {
  AreaEnteredMsg,
  CharStatsMsg,
  KickMsg,
  QuestUpdateMsg,
  ReputationChangedMsg,
  XpGainMsg,
} from './server-messages';
import type { WelcomeMsg } from './world-view';
import type { TradeRequestedMsg, TradeView } from '../schemas/trade';

export * from './ack-results';
export * from './client-payloads';
export * from './server-messages';
export * from './world-view';

/** What the sim sends; each payload's schema is in SERVER_EVENT_SCHEMAS (server-events.ts). */
export interface ServerToClientEvents {
  'zone:welcome': (msg: WelcomeMsg) => void;
  /** the binary frame (one websocket frame; needs `snapshotParser`): read it with SnapshotReader */
  'zone:snapshot': (frame: Uint8Array) => void;
  'session:kicked': (msg: KickMsg) => void;
  'char:stats': (msg: CharStatsMsg) => void;
  'progress:xp': (msg: XpGainMsg) => void;
  'quest:update': (msg: QuestUpdateMsg) => void;
  'reputation:changed': (msg: ReputationChangedMsg) => void;
  'zone:area': (msg: AreaEnteredMsg) => void;
  /** one chat message of a channel this player reads (already filtered for ignores) */
  'chat:message': (msg: ChatMessage) => void;
  /** the last messages of every channel this player reads, oldest first (on entering and on asking) */
  'chat:history': (msg: ChatHistoryMsg) => void;
  /** a friend came online, went AFK, changed district or left */
  'friend:presence': (msg: FriendPresenceMsg) => void;
  /** someone invites you to a party */
  'party:invited': (msg: PartyInvitedMsg) => void;
  /** your party now (null: you are in none) — on entering and after every change */
  'party:update': (msg: PartyUpdateMsg) => void;
  /** members' health, level and position, every PARTY_VITALS_MS from each sim holding some */
  'party:vitals': (msg: PartyVitalsMsg) => void;
  /** a drop the party rolls for (need / greed / pass within LOOT_ROLL_MS) */
  'loot:roll_start': (msg: LootRollStartMsg) => void;
  /** how a roll went */
  'loot:roll_result': (msg: LootRollResultMsg) => void;
  /** to the leader (leader mode): a drop to give to a member */
  'loot:assign_start': (msg: LootAssignStartMsg) => void;
  /** a notification for this character (the bell; persistent, listed by notifications.list) */
  'notification:new': (msg: NotificationNewMsg) => void;
  /** a kill or craft contract of yours (either side) counted one more */
  'contract:progress': (msg: ContractProgressMsg) => void;
  /** the leader gave you a drop: it is yours to pick up */
  'loot:given': (msg: LootGivenMsg) => void;
  /** someone invites you to a guild (accept it through the web API, guild.accept) */
  'guild:invited': (msg: GuildInvitedMsg) => void;
  /** your guild (null: none) — on entering, and after every change (joined, left, kicked, disbanded, roster): refetch */
  'guild:update': (msg: GuildUpdateMsg) => void;
  /** you move into or out of an instance: reconnect with a new ticket (instances/instance-messages.ts) */
  'instance:transfer': (msg: InstanceTransferMsg) => void;
  /** the arena's scoreboard, every ARENA_STATE_MS while you are in one */
  'arena:state': (msg: ArenaStateMsg) => void;
  /** how your arena match ended, with everyone's rating change */
  'arena:result': (msg: ArenaResultMsg) => void;
  /** the dungeon's or raid's boss is down: you are credited, the instance closes closeInMs later */
  'instance:cleared': (msg: InstanceClearedMsg) => void;
  /** your dungeon group changed: someone left (a replacement is looked for), was found, joined */
  'instance:roster': (msg: InstanceRosterMsg) => void;
  /** a match formed with you in it: its ready check (matchmaking/queue-messages.ts) */
  'match:found': (msg: MatchFoundMsg) => void;
  /** your matchmaking status changed (queued, left, requeued, penalised, confirmed …), and on connecting */
  'match:status': (msg: MatchStatusMsg) => void;
  /** someone asks you for a trade */
  'trade:requested': (msg: TradeRequestedMsg) => void;
  /** your trade as you see it now, after any change by either side (opened, offer, accept, end) */
  'trade:update': (msg: TradeView) => void;
}

export interface ClientToServerEvents {
  'zone:move': (input: unknown, ack?: (res: Ack) => void) => void;
  'net:ping': (input: unknown, ack: (res: Ack<{ t: number; server: number }>) => void) => void;
  'loot:pickup': (input: unknown, ack?: (res: Ack<PickupResult>) => void) => void;
  'crate:open': (input: unknown, ack?: (res: Ack<LootResult>) => void) => void;
  'inventory:drop': (input: unknown, ack?: (res: Ack<ItemDropResult>) => void) => void;
  'admin:loot': (input: unknown, ack?: (res: Ack<LootResult>) => void) => void;
  'combat:use': (input: unknown, ack?: (res: Ack<CombatUseResult>) => void) => void;
  'combat:cancel': (input: unknown, ack?: (res: Ack) => void) => void;
  'combat:respawn': (input: unknown, ack?: (res: Ack<RespawnResult>) => void) => void;
  'zone:travel': (input: unknown, ack?: (res: Ack<TravelResult>) => void) => void;
  'item:use': (input: unknown, ack?: (res: Ack<ItemUseResult>) => void) => void;
  'chat:send': (input: unknown, ack?: (res: Ack<ChatSendResult>) => void) => void;
  'chat:report': (input: unknown, ack?: (res: Ack) => void) => void;
  /** report a character by name (the player menu): reason, note; kept for moderators */
  'player:report': (input: unknown, ack?: (res: Ack) => void) => void;
  'chat:ignore': (input: unknown, ack?: (res: Ack<{ name: string }>) => void) => void;
  'chat:unignore': (input: unknown, ack?: (res: Ack<{ name: string }>) => void) => void;
  'chat:history': (input: unknown, ack?: (res: Ack) => void) => void;
  'party:invite': (input: unknown, ack?: (res: Ack<{ name: string }>) => void) => void;
  'party:accept': (input: unknown, ack?: (res: Ack<PartyViewMsg>) => void) => void;
  'party:decline': (input: unknown, ack?: (res: Ack) => void) => void;
  'party:leave': (input: unknown, ack?: (res: Ack) => void) => void;
  'party:kick': (input: unknown, ack?: (res: Ack) => void) => void;
  'party:promote': (input: unknown, ack?: (res: Ack) => void) => void;
  'party:disband': (input: unknown, ack?: (res: Ack) => void) => void;
  'party:loot_mode': (input: unknown, ack?: (res: Ack) => void) => void;
  'loot:roll': (input: unknown, ack?: (res: Ack) => void) => void;
  'loot:assign': (input: unknown, ack?: (res: Ack<{ name: string }>) => void) => void;
  /** queue for a dungeon (with roles), an arena bracket or a raid (JoinQueueInputSchema) */
  'match:queue': (input: unknown, ack?: (res: Ack<MatchStatusMsg>) => void) => void;
  /** take your (party's) ticket out of its queue */
  'match:leave': (input: unknown, ack?: (res: Ack) => void) => void;
  /** accept or decline a ready check (ReadyCheckAnswerSchema) */
  'match:answer': (input: unknown, ack?: (res: Ack<ReadyCheckAnswerResult>) => void) => void;
  /** your matchmaking status now */
  'match:status': (input: unknown, ack?: (res: Ack<MatchStatusMsg>) => void) => void;
  /** leave the instance you are in now (a dungeon before its boss fell: a queue penalty) */
  'instance:leave': (input: unknown, ack?: (res: Ack<InstanceLeaveResult>) => void) => void;
  /** ask a player in range for a trade (by name); the answer comes as trade:update */
  'trade:request': (input: unknown, ack?: (res: Ack<TradeView>) => void) => void;
  'trade:answer': (input: unknown, ack?: (res: Ack<TradeView>) => void) => void;
  'trade:offer': (input: unknown, ack?: (res: Ack<TradeView>) => void) => void;
  'trade:accept': (input: unknown, ack?: (res: Ack<TradeView>) => void) => void;
  'trade:cancel': (input: unknown, ack?: (res: Ack<TradeView>) => void) => void;
}

/**
 * `data` of the client's `connect_error` when the sim refuses a handshake (a Refusal).
 * code: UNAUTHENTICATED (missing/expired/invalid/reused ticket: mint a new one),
 * NOT_FOUND (not your character, or deleted), UNAVAILABLE (retry shortly: the sim is
 * too busy to admit anyone — the ticket stays usable — or still opening the
 * character's zone after a takeover — mint a new one), INVALID_STATE (zone not served
 * here / shutting down: retry later), INTERNAL. `message` is safe to show to the player.
 */
export type ConnectErrorData = Refusal;

/** Handshake auth payload: the ticket minted by the web app (tRPC `sim.ticket`). */
export const HandshakeAuthSchema = z.object({
  ticket: z
    .string()
    .min(10)
    .max(4096, { abort: true })
    .regex(/^[A-Za-z0-9._-]+$/, 'Invalid ticket'),
  /** entering a raid instance: the group's short-lived token from tRPC `raid.syncToken` */
  quantumSyncToken: z
    .string()
    .min(10)
    .max(QUANTUM_SYNC_TOKEN_MAX_LENGTH, { abort: true })
    .regex(/^[A-Za-z0-9._-]+$/, 'Invalid raid token')
    .optional(),
});

export const toCm = (m: number) => Math.round(m * 100);
export const fromCm = (cm: number) => cm / 100;
