import { DailyStatusInputSchema, type DailyStatusView } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { ownedCharacterId } from '../characters/get-owned-character';
import { dailyStatusView } from './daily-status';

/** The login reward calendar of the caller's account, seen from one of its live characters. */
export async function getDailyStatus(
  deps: GameDeps,
  input: { userId: string; characterId: string },
): Promise<DailyStatusView> {
  const { characterId } = parseInput(DailyStatusInputSchema, input);
  await ownedCharacterId(deps, input.userId, characterId);
  const row = await deps.db.loginReward.findUnique({ where: { userId: input.userId } });
  return dailyStatusView(deps.db, row, deps.clock.now());
}
