/**
 * The quests' part of the game store: which quest the log shows in detail. The HUD
 * tracker selects one when clicked (and opens the log), the log when a line is clicked.
 */
import type { Slice } from '../store/slice';

export interface QuestUiState {
  /** the quest the log shows (null, or one no longer in the log: its first) */
  questSelected: string | null;
}

export interface QuestUiActions {
  selectQuest: (questId: string | null) => void;
}

export const questUiSlice: Slice<QuestUiState & QuestUiActions> = (set) => ({
  questSelected: null,
  selectQuest: (questSelected) => set({ questSelected }),
});
