/**
 * The login reward calendar: the 7-day cycle with the days of the current streak
 * ticked and today's reward highlighted. Pure, from DailyStatusView.
 */
import type { DailyStatusView, LoginRewardView } from '@necp/shared';

export type CalendarDayState = 'claimed' | 'claimable' | 'upcoming';

export interface CalendarDay {
  /** 1-based day of the cycle */
  day: number;
  reward: LoginRewardView;
  state: CalendarDayState;
  /** the day today's claim lands on (claimable, or already claimed today) */
  today: boolean;
}

/**
 * Today's place in the cycle. The streak decides it (streak 1 → day 1, 8 → day 1
 * again); `cycleDay` is only a fallback when the streak is missing.
 */
export function todayIndex(status: Pick<DailyStatusView, 'streak' | 'cycle' | 'cycleDay'>): number {
  const n = status.cycle.length;
  if (n === 0) return 0;
  if (status.streak >= 1) return (Math.trunc(status.streak) - 1) % n;
  return Math.max(0, Math.min(n - 1, status.cycleDay - 1));
}

export function calendarDays(
  status: Pick<DailyStatusView, 'streak' | 'cycle' | 'cycleDay' | 'canClaim'>,
): CalendarDay[] {
  const today = todayIndex(status);
  return status.cycle.map((reward, i) => ({
    day: i + 1,
    reward,
    // days before today in this cycle were claimed on the way here (the streak);
    // today's is ticked once claimed
    state:
      i < today
        ? 'claimed'
        : i === today
          ? status.canClaim
            ? 'claimable'
            : 'claimed'
          : 'upcoming',
    today: i === today,
  }));
}
