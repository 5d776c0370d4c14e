/**
 * The one map of client→server socket events to their payload schemas. The sim
 * registers a handler for each key and counts any other event as a bad payload;
 * the fuzz suite walks it. `satisfies` ties it to ClientToServerEvents both ways:
 * an event added to (or removed from) the contract without its schema here fails
 * to compile.
 */
import type { z } from 'zod';
import { LootAssignSchema, LootRollChoiceSchema, PartyLootModeSchema } from '../rules/party-loot';
import {
  AdminLootSchema,
  CombatCancelSchema,
  CombatRespawnSchema,
  CombatUseSchema,
  CrateOpenSchema,
  InventoryDropSchema,
  ItemUseSchema,
  LootPickupSchema,
  MoveInputSchema,
  PingSchema,
  ZoneTravelSchema,
  type ClientToServerEvents,
} from './contracts';
import {
  ChatHistoryRequestSchema,
  ChatIgnoreSchema,
  ChatReportSchema,
  ChatSendSchema,
  PartyEmptySchema,
  PartyInviteRefSchema,
  PartyInviteSchema,
  PartyMemberRefSchema,
} from '../schemas/chat';
import { PlayerReportSchema } from '../schemas/moderation';
import {
  JoinQueueInputSchema,
  MatchEmptySchema,
  ReadyCheckAnswerSchema,
} from '../schemas/matchmaking';
import { InstanceLeaveSchema } from '../instances/instance-messages';
import {
  TradeAcceptPayloadSchema,
  TradeAnswerPayloadSchema,
  TradeCancelPayloadSchema,
  TradeOfferPayloadSchema,
  TradeRequestPayloadSchema,
} from '../schemas/trade';

export const CLIENT_EVENT_SCHEMAS = {
  'zone:move': MoveInputSchema,
  'net:ping': PingSchema,
  'loot:pickup': LootPickupSchema,
  'crate:open': CrateOpenSchema,
  'inventory:drop': InventoryDropSchema,
  'admin:loot': AdminLootSchema,
  'combat:use': CombatUseSchema,
  'combat:cancel': CombatCancelSchema,
  'combat:respawn': CombatRespawnSchema,
  'zone:travel': ZoneTravelSchema,
  'item:use': ItemUseSchema,
  'chat:send': ChatSendSchema,
  'chat:report': ChatReportSchema,
  'player:report': PlayerReportSchema,
  'chat:ignore': ChatIgnoreSchema,
  'chat:unignore': ChatIgnoreSchema,
  'chat:history': ChatHistoryRequestSchema,
  'party:invite': PartyInviteSchema,
  'party:accept': PartyInviteRefSchema,
  'party:decline': PartyInviteRefSchema,
  'party:leave': PartyEmptySchema,
  'party:kick': PartyMemberRefSchema,
  'party:promote': PartyMemberRefSchema,
  'party:disband': PartyEmptySchema,
  'party:loot_mode': PartyLootModeSchema,
  'loot:roll': LootRollChoiceSchema,
  'loot:assign': LootAssignSchema,
  'match:queue': JoinQueueInputSchema,
  'match:leave': MatchEmptySchema,
  'match:answer': ReadyCheckAnswerSchema,
  'match:status': MatchEmptySchema,
  'instance:leave': InstanceLeaveSchema,
  'trade:request': TradeRequestPayloadSchema,
  'trade:answer': TradeAnswerPayloadSchema,
  'trade:offer': TradeOfferPayloadSchema,
  'trade:accept': TradeAcceptPayloadSchema,
  'trade:cancel': TradeCancelPayloadSchema,
} as const satisfies Record<keyof ClientToServerEvents, z.ZodType>;

export type ClientEvent = keyof typeof CLIENT_EVENT_SCHEMAS;
export type ClientEventSchemas = typeof CLIENT_EVENT_SCHEMAS;

/** Every client→server event name. */
export const CLIENT_EVENTS = Object.keys(CLIENT_EVENT_SCHEMAS) as ClientEvent[];
