import {
  WithdrawItemInputSchema,
  type BankTransferResult,
  type WithdrawItemInput,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { NOTHING_KEPT, onceByKey } from '../core/command-receipt';
import { bankOwner } from '../ledger/owners';
import { itemNotFound, notEnoughItems } from '../inventory/errors';
import { placeInBag } from '../inventory/place-in-bag';
import { readInventory } from '../inventory/read-inventory';
import { withBankLocked } from './bank-lock';
import { readBank } from './read-bank';
import { publishStatsChanged } from '../world/publish-stats-changed';

/** Account bank → bag (ledger `move`, bank → char): the whole stack or `quantity` of it. */
export async function withdrawItem(
  deps: Pick<GameDeps, 'db'>,
  input: WithdrawItemInput & { userId: string },
): Promise<BankTransferResult> {
  const parsed = parseInput(WithdrawItemInputSchema, input);
  const { characterId, itemId, quantity, toSlot } = parsed;
  return withBankLocked(deps.db, { userId: input.userId, characterId }, async (tx, s) => {
    await onceByKey(tx, 'bank.withdraw', parsed, NOTHING_KEPT, async () => {
      const item = s.bankItems.find((i) => i.id === itemId);
      if (!item) throw itemNotFound(itemId);
      const n = quantity ?? item.quantity;
      if (n > item.quantity) throw notEnoughItems();
      await placeInBag(tx, {
        characterId: s.character.id,
        templateId: item.templateId,
        quantity: n,
        reason: 'move',
        fromOwner: bankOwner(s.user.id),
        itemId: item.id,
        ...(toSlot !== undefined ? { toSlot } : {}),
      });
      await publishStatsChanged(tx, s.character.id, 'bank.withdraw');
      return {};
    });
    return { inventory: await readInventory(tx, s.character), bank: await readBank(tx, s.user) };
  });
}
