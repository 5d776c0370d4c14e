'use client';
/**
 * Which quest the log shows in detail. The HUD tracker selects one when clicked
 * (and opens the log), so the two share this small store.
 */
import { create } from 'zustand';

interface QuestSelection {
  questId: string | null;
  select: (questId: string | null) => void;
}

export const useQuestSelection = create<QuestSelection>()((set) => ({
  questId: null,
  select: (questId) => set({ questId }),
}));
