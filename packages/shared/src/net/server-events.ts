/**
 * The one map of server→client socket events to their payload schemas (the mirror of
 * client-events.ts). The web client parses every push with it in one place
 * (apps/web/src/game/net/push-receiver.ts) before any feature sees it; an unreadable
 * one is dropped. The message types are inferred from these schemas where they are
 * defined, and `satisfies` ties the map to ServerToClientEvents both ways: an event
 * added to (or removed from) the contract without its schema here, or a schema that
 * does not give the contract's type, fails to compile. `zone:snapshot` is not here:
 * it is a binary frame with its own codec (snapshot-codec.ts).
 */
import type { z } from 'zod';
import {
  ChatHistoryMsgSchema,
  ChatMessageSchema,
  FriendPresenceMsgSchema,
  PartyInvitedMsgSchema,
  PartyUpdateMsgSchema,
  PartyVitalsMsgSchema,
} from '../chat/chat-rules';
import { ContractProgressMsgSchema } from '../contracts/contract-rules';
import { GuildInvitedMsgSchema, GuildUpdateMsgSchema } from '../guild/guild-rules';
import {
  ArenaResultMsgSchema,
  ArenaStateMsgSchema,
  InstanceClearedMsgSchema,
  InstanceRosterMsgSchema,
  InstanceTransferMsgSchema,
} from '../instances/instance-messages';
import { MatchFoundMsgSchema, MatchStatusMsgSchema } from '../matchmaking/queue-messages';
import { NotificationNewMsgSchema } from '../notifications/notification-rules';
import {
  LootAssignStartMsgSchema,
  LootGivenMsgSchema,
  LootRollResultMsgSchema,
  LootRollStartMsgSchema,
} from '../rules/party-loot';
import { TradeRequestedMsgSchema, TradeViewSchema } from '../schemas/trade';
import type { PushEvent, PushMsg } from './pushes';
import {
  AreaEnteredMsgSchema,
  CharStatsMsgSchema,
  KickMsgSchema,
  QuestUpdateMsgSchema,
  ReputationChangedMsgSchema,
  XpGainMsgSchema,
} from './server-messages';
import { WelcomeMsgSchema } from './world-view';

export const SERVER_EVENT_SCHEMAS = {
  'zone:welcome': WelcomeMsgSchema,
  'session:kicked': KickMsgSchema,
  'char:stats': CharStatsMsgSchema,
  'progress:xp': XpGainMsgSchema,
  'quest:update': QuestUpdateMsgSchema,
  'reputation:changed': ReputationChangedMsgSchema,
  'zone:area': AreaEnteredMsgSchema,
  'chat:message': ChatMessageSchema,
  'chat:history': ChatHistoryMsgSchema,
  'friend:presence': FriendPresenceMsgSchema,
  'party:invited': PartyInvitedMsgSchema,
  'party:update': PartyUpdateMsgSchema,
  'party:vitals': PartyVitalsMsgSchema,
  'loot:roll_start': LootRollStartMsgSchema,
  'loot:roll_result': LootRollResultMsgSchema,
  'loot:assign_start': LootAssignStartMsgSchema,
  'notification:new': NotificationNewMsgSchema,
  'contract:progress': ContractProgressMsgSchema,
  'loot:given': LootGivenMsgSchema,
  'guild:invited': GuildInvitedMsgSchema,
  'guild:update': GuildUpdateMsgSchema,
  'instance:transfer': InstanceTransferMsgSchema,
  'arena:state': ArenaStateMsgSchema,
  'arena:result': ArenaResultMsgSchema,
  'instance:cleared': InstanceClearedMsgSchema,
  'instance:roster': InstanceRosterMsgSchema,
  'match:found': MatchFoundMsgSchema,
  'match:status': MatchStatusMsgSchema,
  'trade:requested': TradeRequestedMsgSchema,
  'trade:update': TradeViewSchema,
} as const satisfies { [E in PushEvent]: z.ZodType<PushMsg<E>> };

/** A server event with a JSON payload (every one but the binary `zone:snapshot`). */
export type ServerEvent = keyof typeof SERVER_EVENT_SCHEMAS;
export type ServerEventSchemas = typeof SERVER_EVENT_SCHEMAS;
/** What a server event's payload is once parsed. */
export type ServerEventMsg<E extends ServerEvent> = z.output<ServerEventSchemas[E]>;

/** Every server event name with a JSON payload. */
export const SERVER_EVENTS = Object.keys(SERVER_EVENT_SCHEMAS) as ServerEvent[];
