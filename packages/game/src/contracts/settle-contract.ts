import { settle, type ContractState } from '@necp/shared';
import type { Tx } from '../core/deps';
import { insertLedgerRows } from '../ledger/insert-ledger-rows';
import { charOwner, contractOwner, sinkOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { heldLedgerRow } from '../ledger/record-held-currency';
import { deleteItem } from '../inventory/item-writes';
import { recordItem } from '../ledger/record-item';
import { sendSystemMail } from '../mail/send-system-mail';
import { notify } from '../notifications/notifications';
import type { ContractRow } from '../core/locked-rows';

export type SettleOutcome = Parameters<typeof settle>[0];

const FROM = 'Contract board';

/**
 * Ends a locked contract (the caller locked its parties, then the contract, and checked
 * the transition): one statement closes the row and empties its escrow (the CHECK
 * holds at every statement), then the escrow goes where `settle` says — eddies straight
 * to the characters, a purged one's to the house (`purge`) — and the items it holds go
 * by system mail (a full bag cannot lose them): the reward stack to the taker when paid,
 * else back to the poster; the delivered items to the poster, or back to the taker. A
 * ruling's fee comes out of the losing side's balance, at most what they have (a sink).
 * Both sides are told.
 */
export async function settleLocked(
  tx: Tx,
  c: ContractRow,
  to: ContractState,
  outcome: SettleOutcome,
  now: Date,
  takerPct?: number,
): Promise<{ feePoster: number; feeTaker: number }> {
  const s = settle(outcome, { reward: c.reward, collateral: c.collateral, takerPct });
  const held = await tx.$executeRaw`UPDATE "Contract"
    SET "state" = ${to}, "escrow" = 0, "closedAt" = ${now}::timestamp
    WHERE "id" = ${c.id} AND "state" = ${c.state}`;
  if (held !== 1) throw new Error(`settleLocked: contract ${c.id} moved under its lock`);
  const owner = contractOwner(c.id);
  let left = c.escrow;
  const pay = async (characterId: string | null, amount: number) => {
    if (amount <= 0) return;
    left -= amount;
    const counterparty = characterId ? charOwner(characterId) : sinkOwner('purge');
    const reason = characterId ? ('contract' as const) : ('purge' as const);
    await insertLedgerRows(tx, [
      heldLedgerRow(
        { holder: 'contract', id: c.id, reason, delta: -amount, counterparty, ref: c.id },
        left,
      ),
    ]);
    if (characterId)
      await recordCurrency(tx, {
        reason: 'contract',
        characterId,
        delta: amount,
        fromOwner: owner,
        toOwner: counterparty,
        ref: c.id,
      });
  };
  await pay(c.takerId, s.toTaker);
  await pay(c.posterId, s.toPoster);
  if (left !== 0) throw new Error(`settleLocked: ${left} eddies left in contract ${c.id}`);

  const fees = { feePoster: 0, feeTaker: 0 };
  const charge = async (characterId: string | null, fee: number) => {
    if (!characterId || fee <= 0) return 0;
    const [row] = await tx.$queryRaw<{ eddies: number }[]>`
      SELECT "eddies" FROM "Character" WHERE "id" = ${characterId}`;
    const amount = Math.min(fee, row?.eddies ?? 0);
    if (amount > 0)
      await recordCurrency(tx, {
        reason: 'contract_arbitration',
        characterId,
        delta: -amount,
        fromOwner: charOwner(characterId),
        toOwner: sinkOwner('contract_arbitration'),
        ref: c.id,
      });
    return amount;
  };
  fees.feePoster = await charge(c.posterId, s.feePoster);
  fees.feeTaker = await charge(c.takerId, s.feeTaker);

  const items = await tx.$queryRaw<{ itemId: string; role: string }[]>`
    SELECT "itemId", "role" FROM "ContractItem" WHERE "contractId" = ${c.id} ORDER BY "itemId"`;
  const paid = outcome === 'confirmed' || outcome === 'release' || outcome === 'split';
  const rewardTo = paid ? c.takerId : c.posterId;
  const deliveryTo = s.itemsTo === 'poster' ? c.posterId : c.takerId;
  const send = async (characterId: string | null, itemIds: string[], subject: string) => {
    if (itemIds.length === 0) return;
    await tx.$executeRaw`DELETE FROM "ContractItem" WHERE "itemId" = ANY(${itemIds}::text[])`;
    if (characterId) {
      await sendSystemMail(
        { db: tx, clock: { now: () => now } },
        {
          toCharacterId: characterId,
          subject,
          body: `From the contract "${c.targetName} ×${c.quantity}".`,
          reason: 'contract',
          from: FROM,
          carry: { holder: 'contract', id: c.id, itemIds },
        },
        { kind: 'contract_update', title: subject },
      );
      return;
    }
    for (const itemId of itemIds) {
      const item = await deleteItem(tx, itemId);
      if (!item) throw new Error(`settleLocked: contract ${c.id} item ${itemId} is gone`);
      await recordItem(tx, {
        reason: 'purge',
        itemId,
        templateId: item.templateId,
        quantityDelta: -item.quantity,
        fromOwner: owner,
        toOwner: sinkOwner('purge'),
        ref: c.id,
      });
    }
  };
  await send(
    rewardTo,
    items.filter((i) => i.role === 'reward').map((i) => i.itemId),
    paid ? 'Contract reward' : 'Contract reward returned',
  );
  await send(
    deliveryTo,
    items.filter((i) => i.role === 'delivery').map((i) => i.itemId),
    s.itemsTo === 'poster' ? 'Contract delivery' : 'Your delivery returned',
  );

  const title = `Contract ${to}: ${c.targetName} ×${c.quantity}`;
  const tell = async (characterId: string | null, eddies: number) => {
    if (!characterId) return;
    await notify(tx, now, {
      characterId,
      kind: 'contract_update',
      title,
      body: eddies > 0 ? `${eddies} eddies are yours.` : 'It is settled.',
    });
  };
  await tell(c.posterId, s.toPoster);
  await tell(c.takerId, s.toTaker);
  return fees;
}
