import type { DailyStatusView } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { dailyStatusView } from './daily-status';

/**
 * The login reward calendar of an account (the API shows it to one of the account's
 * live characters, which its characterProcedure checked).
 */
export async function getDailyStatus(deps: GameDeps, userId: string): Promise<DailyStatusView> {
  const row = await deps.db.loginReward.findUnique({ where: { userId } });
  return dailyStatusView(deps.db, row, deps.clock.now());
}
