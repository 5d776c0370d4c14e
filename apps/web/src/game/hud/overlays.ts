'use client';
/**
 * Everything drawn over the map, in stacking order (later ones on top): the HUD, each
 * feature's windows and frames, the overlays that end a session. A feature's window is
 * one line here; it reads the store and the session (game-session.tsx) itself, so none
 * takes props.
 */
import type { ComponentType } from 'react';
import { AchievementsPanel } from '../achievements/achievements-panel';
import { ActionBar } from './action-bar';
import { AreaBanner } from './area-banner';
import { ArenaResult } from '../arena/arena-result';
import { ArenaScoreboard } from '../arena/arena-scoreboard';
import { InstanceTransition } from '../arena/instance-transition';
import { CharacterSheet } from '../character/character-sheet';
import { ChatWindow } from '../chat/chat-window';
import { AbilityBar } from '../combat/ability-bar';
import { BossBar } from '../combat/boss-bar';
import { CastBar } from '../combat/cast-bar';
import { CombatFlash } from '../combat/combat-flash';
import { CombatLogPanel } from '../combat/combat-log-panel';
import { DeathScreen } from '../combat/death-screen';
import { TargetFrame } from '../combat/target-frame';
import { XpBar } from '../combat/xp-bar';
import { DailyReward } from '../quests/daily-reward';
import { DialogueWindow } from '../dialogue/dialogue-window';
import { EscapeMenu } from './escape-menu';
import { FatalOverlay } from './fatal-overlay';
import { FriendsPanel } from '../friends/friends-panel';
import { GameDialog } from './game-dialog';
import { GroundLists } from './ground-lists';
import { GuildPanel } from '../guild/guild-panel';
import { Hud } from './hud';
import { InteractionHint } from './interaction-hint';
import { BankPanel } from '../items/bank-panel';
import { InventoryPanel } from '../items/inventory-panel';
import { ItemOverlays } from '../items/item-overlays';
import { KickedOverlay } from './kicked-overlay';
import { MailPanel } from '../mail/mail-panel';
import { NotificationBell } from '../notifications/notification-bell';
import { LootCards } from '../party/loot-cards';
import { PartyFrames } from '../party/party-frames';
import { PartyInvites } from '../party/party-invite';
import { TradeRequests } from '../trade/trade-request';
import { TradeWindow } from '../trade/trade-window';
import { AuctionWindow } from '../auction/auction-window';
import { CraftingWindow } from '../crafting/crafting-window';
import { ContractsWindow } from '../contracts/contracts-window';
import { PlayerMenu } from '../party/player-menu';
import { QuestLogWindow } from '../quests/quest-log-window';
import { QuestTracker } from '../quests/quest-tracker';
import { QueueIndicator } from '../matchmaking/queue-indicator';
import { QueueWindow } from '../matchmaking/queue-window';
import { ReadyCheck } from '../matchmaking/ready-check';
import { RankingsPanel } from '../rankings/rankings-panel';
import { ReputationPanel } from '../reputation/reputation-panel';
import { Toasts } from './toasts';
import { TouchControls } from './touch/touch-controls';
import { MetroTransition } from '../travel/metro-transition';
import { TravelWindow } from '../travel/travel-window';
import { VendorWindow } from '../vendor/vendor-window';
import { VisiblePlayers } from './visible-players';
import { VitalsAlert } from '../combat/vitals-alert';

export const OVERLAYS: readonly ComponentType[] = [
  Hud,
  AreaBanner,
  QuestTracker,
  TargetFrame,
  BossBar,
  ArenaScoreboard,
  InteractionHint,
  CastBar,
  AbilityBar,
  XpBar,
  ActionBar,
  TouchControls,
  PartyFrames,
  NotificationBell,
  ChatWindow,
  CombatLogPanel,
  CharacterSheet,
  QuestLogWindow,
  ReputationPanel,
  FriendsPanel,
  GuildPanel,
  AchievementsPanel,
  RankingsPanel,
  QueueWindow,
  BankPanel,
  MailPanel,
  VendorWindow,
  InventoryPanel,
  DialogueWindow,
  DailyReward,
  TravelWindow,
  ItemOverlays,
  Toasts,
  PartyInvites,
  TradeRequests,
  TradeWindow,
  AuctionWindow,
  CraftingWindow,
  ContractsWindow,
  QueueIndicator,
  ReadyCheck,
  LootCards,
  PlayerMenu,
  VisiblePlayers,
  GroundLists,
  CombatFlash,
  VitalsAlert,
  DeathScreen,
  ArenaResult,
  MetroTransition,
  InstanceTransition,
  GameDialog,
  EscapeMenu,
  KickedOverlay,
  FatalOverlay,
];
