'use client';
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { GameActions, GameState, GameStore } from '../store/game-store';

export const GameStoreContext = createContext<GameStore | null>(null);

/** Select from the game store of the surrounding <GameView>. */
export function useGame<T>(selector: (s: GameState & GameActions) => T): T {
  const store = useContext(GameStoreContext);
  if (!store) throw new Error('useGame must be used inside <GameView>');
  return useStore(store, selector);
}
