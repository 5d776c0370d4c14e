'use client';
/**
 * What the HUD panels need besides the store: whose character this is, and the
 * game client's commands (they go to the sim, not the API): one part per feature, each
 * built by its `<feature>/*-hud-commands.ts` from the client's feature object.
 */
import { createContext, useContext } from 'react';
import type { StickInput } from '../input/touch-stick';
import type { ChatHudCommands } from '../chat/chat-hud-commands';
import type { CombatHudCommands } from '../combat/combat-hud-commands';
import type { ItemHudCommands } from '../items/item-hud-commands';
import type { MatchHudCommands } from '../matchmaking/match-hud-commands';
import type { PartyHudCommands } from '../party/party-hud-commands';
import type { TradeHudCommands } from '../trade/trade-hud-commands';
import type { WorldHudCommands } from '../world/world-hud-commands';

/** The session's own commands (the rest are each feature's: `<feature>/*-hud-commands.ts`). */
export interface SessionCommands {
  /** the achievement title chosen here (null: none): the own nameplate shows it at once */
  setOwnTitle: (title: string | null) => void;
  /** try again after a fatal error or a shutdown kick (never automatic after a takeover) */
  reconnect: () => void;
}

/** What the HUD may ask of the game client: each feature's commands, built in its own folder. */
export type GameCommands = WorldHudCommands &
  ItemHudCommands &
  CombatHudCommands &
  ChatHudCommands &
  PartyHudCommands &
  TradeHudCommands &
  MatchHudCommands &
  SessionCommands;

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
