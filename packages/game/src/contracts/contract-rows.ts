import {
  transition,
  type ContractAction,
  type ContractActor,
  type ContractState,
} from '@necp/shared';
import type { Db, Tx } from '../core/deps';
import { ContractRowSchema, type ContractRow } from '../core/locked-rows';
import { lockCharacters } from '../core/lock-order';
import { contractNotFound, contractNotNow, notYourContract } from './errors';

/** The contracts a statement returned (`SELECT *` or `RETURNING *`). */
export const contractRows = (rows: unknown[]): ContractRow[] =>
  rows.map((r) => ContractRowSchema.parse(r));

/** One contract by id (no lock), or null. */
export async function readContract(tx: Db | Tx, contractId: string): Promise<ContractRow | null> {
  return (
    contractRows(
      await tx.$queryRaw<unknown[]>`SELECT * FROM "Contract" WHERE "id" = ${contractId}`,
    )[0] ?? null
  );
}

/** Locks a contract's row (lock order 2f: after the character rows). */
export async function lockContract(tx: Tx, contractId: string): Promise<ContractRow> {
  const [c] = contractRows(
    await tx.$queryRaw<unknown[]>`SELECT * FROM "Contract" WHERE "id" = ${contractId} FOR UPDATE`,
  );
  if (!c) throw contractNotFound();
  return c;
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
): Promise<ContractRow> {
  const [seen] = await tx.$queryRaw<{ posterId: string | null; takerId: string | null }[]>`
    SELECT "posterId", "takerId" FROM "Contract" WHERE "id" = ${contractId}`;
  if (!seen) throw contractNotFound();
  const ids = [seen.posterId, seen.takerId, ...also].filter((x): x is string => !!x);
  await lockCharacters(tx, ids);
  return lockContract(tx, contractId);
}

/** The side a character is on. */
export function actorOf(c: ContractRow, characterId: string): 'poster' | 'taker' | 'other' {
  if (c.posterId === characterId) return 'poster';
  if (c.takerId !== null && c.takerId === characterId) return 'taker';
  return 'other';
}

/** Where `action` takes the contract, or the refusal in words a player reads. */
export function moveOf(
  c: ContractRow,
  action: ContractAction,
  actor: ContractActor,
): ContractState {
  const r = transition(c.state, action, actor);
  if (r.ok) return r.to;
  if (r.reason === 'not_yours') throw notYourContract();
  throw contractNotNow(c.state);
}
