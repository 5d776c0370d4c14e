/** Inputs and views of the daily login reward procedures (tRPC). */
import type { RewardItemView } from './quests';
import { CharacterIdInputSchema } from './character';

export const DailyClaimInputSchema = CharacterIdInputSchema;

export interface LoginRewardView {
  eddies: number;
  item?: RewardItemView;
}

export interface DailyStatusView {
  /** today's reward is still to be claimed (by any character of the account) */
  canClaim: boolean;
  /** the streak counting today if claimed now (or as claimed today) */
  streak: number;
  /** the 7-day cycle with the day the next/today's claim lands on */
  cycle: LoginRewardView[];
  cycleDay: number;
  /** epoch ms */
  nextDailyReset: number;
  nextWeeklyReset: number;
}

export interface DailyClaimResult {
  status: DailyStatusView;
  reward: LoginRewardView;
  streak: number;
}
