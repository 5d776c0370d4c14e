import type { LoginReward as LoginRewardRow } from '@necp/db';
import {
  dailyPeriodKey,
  LOGIN_REWARD_CYCLE,
  loginStreak,
  nextDailyReset,
  nextWeeklyReset,
  type DailyStatusView,
  type LoginReward,
  type LoginRewardView,
} from '@necp/shared';
import type { Db, Tx } from '../core/deps';
import { loadTemplates, templateOf } from '../inventory/templates';

type Streak = Pick<LoginRewardRow, 'lastDayKey' | 'streak'> | null;

/**
 * Whether today's reward is still to claim, and the streak it lands on (or, once
 * claimed, the streak it made). Day keys are 'd:YYYY-MM-DD' and compare as
 * strings; a key after today (clock skew) counts as claimed.
 */
export function streakToday(row: Streak, now: Date): { canClaim: boolean; streak: number } {
  const today = dailyPeriodKey(now);
  if (row && row.lastDayKey >= today) return { canClaim: false, streak: row.streak };
  return { canClaim: true, streak: loginStreak(row?.lastDayKey ?? null, row?.streak ?? 0, now) };
}

/** 1-based day of the 7-day cycle a streak lands on. */
export const cycleDayOf = (streak: number) =>
  ((Math.max(1, streak) - 1) % LOGIN_REWARD_CYCLE.length) + 1;

/** Reward views with item names and rarity (templates read from the database). */
export async function rewardViews(
  db: Db | Tx,
  rewards: readonly LoginReward[],
): Promise<LoginRewardView[]> {
  const templates = await loadTemplates(
    db,
    rewards.flatMap((r) => (r.item ? [r.item.templateId] : [])),
  );
  return rewards.map((r) => {
    if (!r.item) return { eddies: r.eddies };
    const t = templateOf(templates, r.item.templateId);
    return {
      eddies: r.eddies,
      item: { templateId: t.id, name: t.name, rarity: t.rarity, quantity: r.item.quantity },
    };
  });
}

export async function dailyStatusView(
  db: Db | Tx,
  row: Streak,
  now: Date,
): Promise<DailyStatusView> {
  const { canClaim, streak } = streakToday(row, now);
  return {
    canClaim,
    streak,
    cycle: await rewardViews(db, LOGIN_REWARD_CYCLE),
    cycleDay: cycleDayOf(streak),
    nextDailyReset: nextDailyReset(now).getTime(),
    nextWeeklyReset: nextWeeklyReset(now).getTime(),
  };
}
