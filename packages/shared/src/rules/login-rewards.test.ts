import { describe, expect, it } from 'vitest';
import { LOGIN_REWARD_CYCLE, loginRewardFor } from './login-rewards';

describe('loginRewardFor', () => {
  it('walks the 7-day cycle and wraps', () => {
    expect(loginRewardFor(1)).toBe(LOGIN_REWARD_CYCLE[0]);
    expect(loginRewardFor(7)).toBe(LOGIN_REWARD_CYCLE[6]);
    expect(loginRewardFor(8)).toBe(LOGIN_REWARD_CYCLE[0]);
    expect(loginRewardFor(16)).toBe(LOGIN_REWARD_CYCLE[1]);
  });
  it('treats a streak below 1 as day 1', () => {
    expect(loginRewardFor(0)).toBe(LOGIN_REWARD_CYCLE[0]);
    expect(loginRewardFor(-3)).toBe(LOGIN_REWARD_CYCLE[0]);
  });
  it('grows towards the end of the week', () => {
    expect(LOGIN_REWARD_CYCLE[6]!.eddies).toBeGreaterThan(LOGIN_REWARD_CYCLE[0]!.eddies);
  });
});
