/**
 * Store state of boss encounters (issue 14): the phase a boss last entered, from the
 * sim's `phase` combat event. The boss bar reads its phase from it and shows the
 * phase's announcement once per event.
 */
import type { Slice } from '../store/slice';
import type { PhaseEventView } from './boss-bar-view';

export interface BossUiState {
  bossPhase: PhaseEventView | null;
}

export const initialBossUi = (): BossUiState => ({ bossPhase: null });

/** Set by the game client only (no actions of its own). */
export const bossUiSlice: Slice<BossUiState> = () => initialBossUi();
