import type { ContractAction, ContractState, ContractView } from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { DIRECT, inTransaction } from '../core/transaction';
import { actorOf, lockWithParties, moveOf, readContract } from './contract-rows';
import { contractViews } from './contract-views';
import type { ContractRow } from '../core/locked-rows';

/**
 * The one shape of a side's transition: one transaction that locks the contract's sides
 * and the one acting, then the contract; asks the state table where `action` by this
 * character takes it (refused otherwise); lets `fn` check the rest and write, and
 * answers the contract as the actor sees it after.
 */
export function moveBy(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  r: { characterId: string; contractId: string },
  action: ContractAction,
  fn: (tx: Tx, c: ContractRow, to: ContractState, now: Date) => Promise<unknown>,
): Promise<ContractView> {
  const now = deps.clock.now();
  return inTransaction(
    deps.db,
    async (tx) => {
      const c = await lockWithParties(tx, r.contractId, [r.characterId]);
      await fn(tx, c, moveOf(c, action, actorOf(c, r.characterId)), now);
      const after = (await readContract(tx, c.id))!;
      return (await contractViews(tx, [after], r.characterId))[0] as ContractView;
    },
    DIRECT,
  );
}
