'use client';
/**
 * The welcome quest's step now, from the quest log the server computes (no state
 * of its own: progress, done and skipped are the quest row's). `settled` once the
 * log is known (or could not be read: then nothing waits on the tutorial).
 */
import { WELCOME_QUEST_ID, tutorialStepOf, type TutorialStep } from '@necp/shared';
import { useQuestLog } from '../quests/use-quests';

export function useTutorial(): { settled: boolean; step: TutorialStep | null } {
  const log = useQuestLog();
  if (!log.data) return { settled: log.isError, step: null };
  return {
    settled: true,
    step: tutorialStepOf(log.data.active.find((q) => q.id === WELCOME_QUEST_ID)),
  };
}
