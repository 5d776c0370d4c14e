import { z } from 'zod';
import { IdSchema } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { charOwner, sinkOwner } from '../ledger/owners';
import { recordItem } from '../ledger/record-item';
import { newLedgerRef } from '../ledger/ref';
import { publishEvent } from '../outbox/publish-event';
import { ownedItem } from './owned-items';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { loadTemplate } from './templates';
import { inTransaction } from '../core/transaction';

const metres = z.number().finite();

export const UseItemInputSchema = z.object({
  characterId: IdSchema,
  itemId: IdSchema,
  /** where the character stands (quest `use` objectives may name an area) */
  zoneId: z.string().min(1).max(32),
  x: metres,
  y: metres,
});
export type UseItemInput = z.infer<typeof UseItemInputSchema>;

export interface UseItemResult {
  templateId: string;
  /** health the item restores (0 for items that do not heal); the sim applies it */
  heal: number;
  /** ms before another item of this template may be used (the sim enforces it) */
  cooldownMs: number;
}

/** Item kinds a player can use from the bag. */
const USABLE_KINDS: ReadonlySet<string> = new Set(['consumable', 'quest']);

export const cannotUse = () =>
  new DomainError('INVALID_STATE', 'item is not usable from the bag', "You can't use that");

/**
 * Uses one unit of a bag stack, in one transaction: locks the character and its
 * items (the inventory services' order), takes the unit (the row goes at 0) with
 * ledger reason `use` (char → sink:use) and publishes `item.used`, so the quest
 * engine counts exactly the uses that happened. Only consumables and quest items
 * in the bag can be used; someone else's or a missing item is NOT_FOUND. What the
 * item does in the world (a heal, its cooldown) is returned for the sim to apply.
 */
export async function useItem(
  deps: Pick<GameDeps, 'db'>,
  input: UseItemInput,
): Promise<UseItemResult> {
  const { characterId, itemId, zoneId, x, y } = parseInput(UseItemInputSchema, input);
  return inTransaction(deps.db, async (tx) => {
    await lockCharacter(tx, characterId);
    const items = await lockCharacterItems(tx, characterId);
    // bag and equipment only (sold items waiting for buy-back are not the character's any more)
    const item = ownedItem(items, itemId);
    if (item.container !== 'BAG') throw cannotUse();
    const template = await loadTemplate(tx, item.templateId);
    if (!USABLE_KINDS.has(template.kind)) throw cannotUse();

    if (item.quantity <= 1) await tx.item.delete({ where: { id: item.id } });
    else await tx.item.update({ where: { id: item.id }, data: { quantity: item.quantity - 1 } });
    // one id ties the ledger row to the event; it also keeps the key unique per use
    const ref = newLedgerRef();
    await recordItem(tx, {
      reason: 'use',
      itemId: item.id,
      templateId: item.templateId,
      quantityDelta: -1,
      fromOwner: charOwner(characterId),
      toOwner: sinkOwner('use'),
      ref,
    });
    await publishEvent(tx, {
      type: 'item.used',
      key: `item.used:${item.id}:${ref}`,
      payload: { characterId, itemId: item.id, templateId: item.templateId, zoneId, x, y },
    });
    return {
      templateId: item.templateId,
      heal: template.effect?.heal ?? 0,
      cooldownMs: Math.round((template.effect?.cooldown ?? 0) * 1000),
    };
  });
}

/**
 * The template of an item in the character's bag, or undefined (missing, not
 * theirs, elsewhere): lets the sim refuse an item still on cooldown before it
 * asks useItem to spend a unit. A plain read — useItem decides under lock.
 */
export async function bagItemTemplateId(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; itemId: string },
): Promise<string | undefined> {
  const row = await deps.db.item.findFirst({
    where: { id: input.itemId, characterId: input.characterId, container: 'BAG' },
    select: { templateId: true },
  });
  return row?.templateId;
}
