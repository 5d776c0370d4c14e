import {
  DepositItemInputSchema,
  type BankTransferResult,
  type DepositItemInput,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { NOTHING_KEPT, onceByKey } from '../core/command-receipt';
import { charOwner } from '../ledger/owners';
import { bankFull, notEnoughItems } from '../inventory/errors';
import { bankOf } from '../inventory/container';
import { bagItem } from '../inventory/owned-items';
import { placementError } from '../inventory/place-in-bag';
import { planPlacement } from '../inventory/placement';
import { readInventory } from '../inventory/read-inventory';
import { loadTemplate } from '../inventory/templates';
import { writePlacement } from '../inventory/write-placement';
import { withBankLocked } from './bank-lock';
import { readBank } from './read-bank';
import { publishStatsChanged } from '../world/publish-stats-changed';

/**
 * Bag → account bank (ledger `move`, char → bank). The whole stack or `quantity`
 * of it; into `toSlot`, or matching stacks then free slots. Bound items stay with
 * their character.
 */
export async function depositItem(
  deps: Pick<GameDeps, 'db'>,
  input: DepositItemInput & { userId: string },
): Promise<BankTransferResult> {
  const parsed = parseInput(DepositItemInputSchema, input);
  const { characterId, itemId, quantity, toSlot } = parsed;
  return withBankLocked(deps.db, { userId: input.userId, characterId }, async (tx, s) => {
    await onceByKey(tx, 'bank.deposit', parsed, NOTHING_KEPT, async () => {
      const item = bagItem(s.characterItems, itemId);
      if (item.boundCharacterId !== null)
        throw new DomainError(
          'INVALID_STATE',
          'bound item',
          'Bound items cannot be stored in the bank',
        );
      const n = quantity ?? item.quantity;
      if (n > item.quantity) throw notEnoughItems();
      const template = await loadTemplate(tx, item.templateId);
      const bank = bankOf(s.user);
      const r = planPlacement({
        slots: bank.slots,
        occupants: s.bankItems,
        incoming: { ...item, quantity: n, stackSize: template.stackSize },
        ...(toSlot !== undefined ? { toSlot } : {}),
      });
      if (!r.ok) throw placementError(r, toSlot, bankFull);
      await writePlacement(tx, {
        target: bank,
        plan: r.plan,
        templateId: item.templateId,
        durability: item.durability,
        boundCharacterId: null,
        reason: 'move',
        fromOwner: charOwner(s.character.id),
        source: item,
      });
      await publishStatsChanged(tx, s.character.id, 'bank.deposit');
      return {};
    });
    return { inventory: await readInventory(tx, s.character), bank: await readBank(tx, s.user) };
  });
}
