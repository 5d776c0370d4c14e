import {
  CONTRACTS_POSTED_MAX,
  ContractPostInputSchema,
  contractPostFee,
  type ContractPostInput,
  type ContractView,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { newRowId } from '../core/row-ids';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { holdItem } from '../inventory/item-writes';
import { bagItem } from '../inventory/owned-items';
import { insertLedgerRows } from '../ledger/insert-ledger-rows';
import { charOwner, contractOwner, sinkOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { heldLedgerRow } from '../ledger/record-held-currency';
import { recordItem } from '../ledger/record-item';
import { checkTarget } from './contract-targets';
import { contractRows } from './contract-rows';
import { contractViews } from './contract-views';
import { badTerms, tooManyPosted } from './errors';

/** States in which a contract still counts against its poster's and taker's caps. */
export const RUNNING = ['posted', 'accepted', 'delivered', 'disputed'];

/**
 * Posts a contract: the posting fee paid (a sink), the reward moved into the
 * contract's escrow and, if given, one whole bag stack held by it (container CONTRACT)
 * — one transaction. Refused: CONTRACTS_POSTED_MAX running contracts, an unknown or
 * quest target, a reward stack that is bound, held elsewhere or the very thing asked,
 * eddies you do not have. The same `idempotencyKey` again returns the first contract.
 */
export async function postContract(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: ContractPostInput,
): Promise<ContractView> {
  const p = parseInput(ContractPostInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(
    deps.db,
    async (tx) => {
      const c = await lockCharacter(tx, p.characterId);
      const [again] = contractRows(
        await tx.$queryRaw<unknown[]>`SELECT * FROM "Contract"
        WHERE "posterId" = ${c.id} AND "idempotencyKey" = ${p.idempotencyKey}`,
      );
      if (again) return (await contractViews(tx, [again], c.id))[0] as ContractView;
      const [running] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n"
      FROM "Contract" WHERE "posterId" = ${c.id} AND "state" = ANY(${RUNNING}::text[])`;
      if (running!.n >= CONTRACTS_POSTED_MAX) throw tooManyPosted();
      const target = await checkTarget(tx, p.kind, p.targetId, p.quantity);
      const stack = p.rewardItemId
        ? bagItem(await lockCharacterItems(tx, c.id), p.rewardItemId)
        : null;
      if (stack) {
        if (stack.boundCharacterId !== null) throw badTerms('A bound item cannot be given.');
        if (stack.reservation !== null) throw badTerms('That item is held for something else.');
        if (p.kind !== 'kill' && stack.templateId === p.targetId)
          throw badTerms('What you give and what you ask cannot be the same item.');
      }
      const fee = contractPostFee(p.reward);
      const [contract] = contractRows(
        await tx.$queryRaw<unknown[]>`INSERT INTO "Contract" ("id", "posterId", "posterName",
          "idempotencyKey", "kind", "targetId", "targetName", "quantity", "reward", "collateral", "fee",
          "escrow", "note", "postedAt", "acceptBy", "deliverH")
        VALUES (${newRowId()}, ${c.id}, ${c.name}, ${p.idempotencyKey}, ${p.kind}, ${p.targetId},
          ${target.name}, ${p.quantity}::int, ${p.reward}::int, ${p.collateral}::int, ${fee}::int,
          ${p.reward}::int, ${p.note}, ${now}::timestamp,
          ${new Date(now.getTime() + p.acceptH * 3_600_000)}::timestamp, ${p.deliverH}::int)
        RETURNING *`,
      );
      if (!contract) throw new Error('postContract: the insert returned no row');
      const owner = contractOwner(contract.id);
      await recordCurrency(tx, {
        reason: 'contract_fee',
        characterId: c.id,
        delta: -fee,
        fromOwner: charOwner(c.id),
        toOwner: sinkOwner('contract_fee'),
        ref: contract.id,
      });
      // the row was created holding the reward: its ledger rows say where it came from
      await recordCurrency(tx, {
        reason: 'contract',
        characterId: c.id,
        delta: -p.reward,
        fromOwner: charOwner(c.id),
        toOwner: owner,
        ref: contract.id,
      });
      const change = {
        holder: 'contract' as const,
        id: contract.id,
        reason: 'contract' as const,
        delta: p.reward,
        counterparty: charOwner(c.id),
        ref: contract.id,
      };
      await insertLedgerRows(tx, [heldLedgerRow(change, p.reward)]);
      if (stack) {
        await holdItem(tx, stack.id, 'CONTRACT');
        await tx.$executeRaw`INSERT INTO "ContractItem" ("itemId", "contractId", "role")
        VALUES (${stack.id}, ${contract.id}, 'reward')`;
        await recordItem(tx, {
          reason: 'contract',
          itemId: stack.id,
          templateId: stack.templateId,
          quantityDelta: 0,
          fromOwner: charOwner(c.id),
          toOwner: owner,
          ref: contract.id,
        });
      }
      return (await contractViews(tx, [contract], c.id))[0] as ContractView;
    },
    DIRECT,
  );
}
