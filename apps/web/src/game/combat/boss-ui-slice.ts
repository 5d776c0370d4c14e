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

export interface BossUiActions {
  /** a boss entered a phase (the combat controller) */
  bossPhaseEntered: (phase: PhaseEventView) => void;
  /** a welcome: the eids are new, a phase seen before names nobody now */
  bossPhaseCleared: () => void;
}

export const initialBossUi = (): BossUiState => ({ bossPhase: null });

export const bossUiSlice: Slice<BossUiState & BossUiActions> = (set) => ({
  ...initialBossUi(),
  bossPhaseEntered: (bossPhase) => set({ bossPhase }),
  bossPhaseCleared: () => set({ bossPhase: null }),
});
