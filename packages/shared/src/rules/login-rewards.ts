/**
 * The daily login reward: once per account per UTC day, claimed by one of the
 * account's characters. Consecutive days build a streak (rules/periods.ts
 * loginStreak); the reward grows through a 7-day cycle and then repeats, so a
 * missed day costs the climb back, never the whole game.
 */
export interface LoginReward {
  eddies: number;
  item?: { templateId: string; quantity: number };
}

export const LOGIN_REWARD_CYCLE: readonly LoginReward[] = [
  { eddies: 50 },
  { eddies: 75 },
  { eddies: 50, item: { templateId: 'stim_basic', quantity: 3 } },
  { eddies: 150 },
  { eddies: 100, item: { templateId: 'inhaler_bounce_back', quantity: 2 } },
  { eddies: 250 },
  { eddies: 400, item: { templateId: 'stim_basic', quantity: 10 } },
];

/** The reward for the `streak`-th consecutive day (1-based). */
export function loginRewardFor(streak: number): LoginReward {
  const day = Math.max(1, Math.trunc(streak));
  return LOGIN_REWARD_CYCLE[(day - 1) % LOGIN_REWARD_CYCLE.length]!;
}
