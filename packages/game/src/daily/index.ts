// PLACEHOLDER (lead): signatures pinned for the routers and web; the vendors/daily helper replaces this file.
import type { DailyClaimResult, DailyStatusView } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';

const todo = (): never => {
  throw new DomainError('INVALID_STATE', 'not implemented yet', 'Not available yet');
};
type Owned = { userId: string; characterId: string };
export async function getDailyStatus(_deps: GameDeps, _input: Owned): Promise<DailyStatusView> {
  return todo();
}
export async function claimLoginReward(_deps: GameDeps, _input: Owned): Promise<DailyClaimResult> {
  return todo();
}
