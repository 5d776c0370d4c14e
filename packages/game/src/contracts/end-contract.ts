import { ContractRefSchema, type ContractRef, type ContractView } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { moveBy } from './move-by';
import { settleLocked } from './settle-contract';

/**
 * The three ways a side ends a contract at once, each one transaction under the lock
 * of both sides and the contract, refused by the state table when it is not theirs to
 * do now:
 * - cancel (the poster, before anyone took it): the reward and its stack back, the fee kept;
 * - abandon (the taker, before delivering): failed — the reward back to the poster and
 *   the collateral to the poster too;
 * - confirm (the poster, after a delivery): the reward, the collateral and the reward
 *   stack to the taker, the delivered items to the poster.
 */
async function endBySide(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: ContractRef,
  action: 'cancel' | 'abandon' | 'confirm',
): Promise<ContractView> {
  const r = parseInput(ContractRefSchema, input);
  const outcome = action === 'cancel' ? 'cancelled' : action === 'abandon' ? 'failed' : 'confirmed';
  return moveBy(deps, r, action, (tx, c, to, now) => settleLocked(tx, c, to, outcome, now));
}

export const cancelContract = (deps: Pick<GameDeps, 'db' | 'clock'>, input: ContractRef) =>
  endBySide(deps, input, 'cancel');
export const abandonContract = (deps: Pick<GameDeps, 'db' | 'clock'>, input: ContractRef) =>
  endBySide(deps, input, 'abandon');
export const confirmContract = (deps: Pick<GameDeps, 'db' | 'clock'>, input: ContractRef) =>
  endBySide(deps, input, 'confirm');
