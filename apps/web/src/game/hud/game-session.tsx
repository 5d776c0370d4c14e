'use client';
/**
 * What the HUD panels need besides the store: whose character this is, and the
 * game client's commands (they go to the sim, not the API).
 */
import { createContext, useContext } from 'react';
import type { StickInput } from '../input/touch-stick';
import type {
  JoinQueueInput,
  LootChoice,
  LootMode,
  PartyInvitedMsg,
  PlayerReportReason,
  Rarity,
  XpGainMsg,
} from '@necp/shared';

export interface GameCommands {
  interact: () => void;
  toggleBank: () => void;
  /** M / E / clicking a mail terminal: the mailbox opens only beside one */
  toggleMail: () => void;
  dropToGround: (itemId: string, quantity?: number) => Promise<boolean>;
  /** Tab: next hostile NPC in view */
  tabTarget: () => void;
  /** Esc: true when a target was cleared */
  clearTarget: () => boolean;
  /** keys 1–6 / a click on the bar (slot 0–5) */
  activateSlot: (slot: number) => void;
  respawn: () => void;
  /** E / click a contact: talk to the given contact, else the nearest one in range */
  talk: (contactId?: string) => void;
  /** metro: ride from the station in range to another district (zone:travel) */
  travel: (toZoneId: string) => Promise<boolean>;
  /** XP the API granted (a quest turn-in): the XP bar, level-up banner and ability bar follow */
  xpGained: (msg: XpGainMsg) => void;
  /** use one of a bag stack (item:use through the sim: consumables heal, quest items count) */
  useItem: (itemId: string) => Promise<boolean>;
  /** one line of the chat input (text or a /command) in the active tab; false: refused */
  sendChat: (line: string, links?: string[]) => Promise<boolean>;
  /** the ⚑ of a chat line (chat:report) */
  reportChat: (messageId: string) => Promise<boolean>;
  /** the player menu's Report (player:report), told as a toast */
  reportPlayer: (name: string, reason: PlayerReportReason, note: string) => Promise<boolean>;
  /** party commands to the sim (net/party-commands.ts); outcomes are toasts */
  partyInvite: (name: string) => Promise<boolean>;
  partyAccept: (invite: PartyInvitedMsg) => Promise<boolean>;
  partyDecline: (invite: PartyInvitedMsg) => Promise<boolean>;
  partyLeave: () => Promise<boolean>;
  partyDisband: () => Promise<boolean>;
  partyKick: (memberId: string, name: string) => Promise<boolean>;
  partyPromote: (memberId: string, name: string) => Promise<boolean>;
  /** block a player by name (chat:ignore), told as a toast */
  ignore: (name: string) => Promise<boolean>;
  /** party loot: the leader's mode, a roll answer, a gift (leader mode), keeping one */
  setLootMode: (mode: LootMode, threshold?: Rarity) => Promise<boolean>;
  lootRoll: (dropId: string, choice: LootChoice) => Promise<boolean>;
  lootAssign: (dropId: string, memberId: string, name: string) => Promise<boolean>;
  lootKeep: (dropId: string) => void;
  unignore: (name: string) => Promise<boolean>;
  /** matchmaking (net/match-commands.ts): queue, leave, answer a ready check, read the status */
  matchQueue: (request: JoinQueueInput) => Promise<boolean>;
  matchLeave: () => Promise<boolean>;
  matchAnswer: (matchId: string, accept: boolean) => Promise<boolean>;
  matchRefresh: () => void;
  /** the HUD's "Leave instance": a confirm, then instance:leave (net/instance-commands.ts) */
  instanceLeave: () => void;
  /** the achievement title chosen here (null: none): the own nameplate shows it at once */
  setOwnTitle: (title: string | null) => void;
  /** try again after a fatal error or a shutdown kick (never automatic after a takeover) */
  reconnect: () => void;
}

export interface GameSession {
  characterId: string;
  commands: GameCommands;
  /** the touch screen's movement stick (hud/touch), read by the client's input sampler */
  stick: StickInput;
}

export const GameSessionContext = createContext<GameSession | null>(null);

export function useGameSession(): GameSession {
  const s = useContext(GameSessionContext);
  if (!s) throw new Error('useGameSession must be used inside <GameView>');
  return s;
}
