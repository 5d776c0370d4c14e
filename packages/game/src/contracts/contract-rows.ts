import {
  transition,
  type ContractAction,
  type ContractActor,
  type ContractState,
} from '@necp/shared';
import type { Contract } from '@necp/db';
import type { Tx } from '../core/deps';
import { lockLiveCharacters } from '../core/lock-order';
import { contractNotFound, contractNotNow, notYourContract } from './errors';

/** Locks a contract's row (lock order 2f: after the character rows). */
export async function lockContract(tx: Tx, contractId: string): Promise<Contract> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Contract" WHERE "id" = ${contractId} FOR UPDATE`;
  if (rows.length === 0) throw contractNotFound();
  return tx.contract.findUniqueOrThrow({ where: { id: contractId } });
}

/**
 * Locks the characters a transition of the contract touches — its poster, its taker and
 * `also` (the one acting) — in id order, then the contract. A taker who accepted between
 * the first read and the contract's lock is not locked up front: the transitions that
 * pay a taker run only once one is there, so the read already names them.
 */
export async function lockWithParties(
  tx: Tx,
  contractId: string,
  also: readonly string[] = [],
): Promise<Contract> {
  const seen = await tx.contract.findUnique({
    where: { id: contractId },
    select: { posterId: true, takerId: true },
  });
  if (!seen) throw contractNotFound();
  const ids = [seen.posterId, seen.takerId, ...also].filter((x): x is string => !!x);
  await lockLiveCharacters(tx, ids);
  return lockContract(tx, contractId);
}

/** The side a character is on. */
export function actorOf(c: Contract, characterId: string): 'poster' | 'taker' | 'other' {
  if (c.posterId === characterId) return 'poster';
  if (c.takerId !== null && c.takerId === characterId) return 'taker';
  return 'other';
}

/** Where `action` takes the contract, or the refusal in words a player reads. */
export function moveOf(c: Contract, action: ContractAction, actor: ContractActor): ContractState {
  const r = transition(c.state as ContractState, action, actor);
  if (r.ok) return r.to;
  if (r.reason === 'not_yours') throw notYourContract();
  throw contractNotNow(c.state as ContractState);
}
