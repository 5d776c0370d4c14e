import { MoveInBankInputSchema, type BankView, type MoveInBankInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { bankOf } from '../inventory/container';
import { itemNotFound } from '../inventory/errors';
import { moveWithin } from '../inventory/move-within';
import { loadTemplate } from '../inventory/templates';
import { withBankLocked } from './bank-lock';
import { readBank } from './read-bank';

/** Move / merge / swap inside the account bank (same rules as the bag). */
export async function moveInBank(
  deps: Pick<GameDeps, 'db'>,
  input: MoveInBankInput & { userId: string },
): Promise<BankView> {
  const { characterId, itemId, toSlot } = parseInput(MoveInBankInputSchema, input);
  return withBankLocked(deps.db, { userId: input.userId, characterId }, async (tx, s) => {
    const item = s.bankItems.find((i) => i.id === itemId);
    if (!item) throw itemNotFound(itemId);
    const template = await loadTemplate(tx, item.templateId);
    await moveWithin(tx, {
      container: bankOf(s.user),
      occupants: s.bankItems,
      item,
      toSlot,
      stackSize: template.stackSize,
    });
    return readBank(tx, s.user);
  });
}
