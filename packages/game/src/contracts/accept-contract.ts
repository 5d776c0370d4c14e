import {
  CONTRACTS_TAKEN_MAX,
  ContractRefSchema,
  type ContractRef,
  type ContractView,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { insertLedgerRows } from '../ledger/insert-ledger-rows';
import { charOwner, contractOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { heldLedgerRow } from '../ledger/record-held-currency';
import { notify } from '../notifications/notifications';
import { moveBy } from './move-by';
import { contractNotFound, contractNotNow, ownContract, tooManyTaken } from './errors';

const TAKEN = ['accepted', 'delivered', 'disputed'];

/**
 * Takes a posted contract: the taker's collateral (if asked) joins the reward in escrow
 * and the delivery deadline starts — one transaction under the contract's lock, so of
 * two takers at once one wins and the other reads "accepted". Refused: your own
 * account's contract, one whose window closed, CONTRACTS_TAKEN_MAX taken already, a
 * collateral you cannot put up.
 */
export async function acceptContract(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: ContractRef,
): Promise<ContractView> {
  const r = parseInput(ContractRefSchema, input);
  return moveBy(deps, r, 'accept', async (tx, c, to, now) => {
    const [me] = await tx.$queryRaw<{ id: string; name: string; userId: string }[]>`
      SELECT "id", "name", "userId" FROM "Character"
      WHERE "id" = ${r.characterId} AND "deletedAt" IS NULL`;
    if (!me || !c.posterId) throw contractNotFound();
    if (c.acceptBy <= now) throw contractNotNow('expired');
    const [poster] = await tx.$queryRaw<{ userId: string }[]>`
      SELECT "userId" FROM "Character" WHERE "id" = ${c.posterId}`;
    if (poster?.userId === me.userId) throw ownContract();
    const [taken] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n"
      FROM "Contract" WHERE "takerId" = ${me.id} AND "state" = ANY(${TAKEN}::text[])`;
    if (taken!.n >= CONTRACTS_TAKEN_MAX) throw tooManyTaken();
    const escrow = c.reward + c.collateral;
    await tx.$executeRaw`UPDATE "Contract" SET "state" = ${to}, "takerId" = ${me.id},
      "takerName" = ${me.name}, "acceptedAt" = ${now}::timestamp,
      "deadline" = ${new Date(now.getTime() + c.deliverH * 3_600_000)}::timestamp,
      "escrow" = ${escrow}::int
      WHERE "id" = ${c.id}`;
    if (c.collateral > 0) {
      await recordCurrency(tx, {
        reason: 'contract',
        characterId: me.id,
        delta: -c.collateral,
        fromOwner: charOwner(me.id),
        toOwner: contractOwner(c.id),
        ref: c.id,
      });
      const change = {
        holder: 'contract' as const,
        id: c.id,
        reason: 'contract' as const,
        delta: c.collateral,
        counterparty: charOwner(me.id),
        ref: c.id,
      };
      await insertLedgerRows(tx, [heldLedgerRow(change, escrow)]);
    }
    await notify(tx, now, {
      characterId: c.posterId,
      kind: 'contract_update',
      title: `Contract taken: ${c.targetName} ×${c.quantity}`,
      body: `${me.name} took it.`,
    });
  });
}
