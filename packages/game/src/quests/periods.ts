import {
  dailyPeriodKey,
  nextDailyReset,
  nextWeeklyReset,
  ONCE_PERIOD_KEY,
  weeklyPeriodKey,
  type Quest,
} from '@necp/shared';

/** The CharacterQuest.periodKey a quest runs under at `now`: 'once', or the UTC day / ISO week. */
export function questPeriodKey(quest: Pick<Quest, 'repeat'>, now: Date): string {
  if (quest.repeat === 'daily') return dailyPeriodKey(now);
  if (quest.repeat === 'weekly') return weeklyPeriodKey(now);
  return ONCE_PERIOD_KEY;
}

/** When the period that contains `at` ends (a repeatable resets); null for one-time quests. */
export function periodEndAfter(quest: Pick<Quest, 'repeat'>, at: Date): Date | null {
  if (quest.repeat === 'daily') return nextDailyReset(at);
  if (quest.repeat === 'weekly') return nextWeeklyReset(at);
  return null;
}
