import { DropItemInputSchema, type DropItemInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { notEnoughItems } from '../inventory/errors';
import { bagItem } from '../inventory/owned-items';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { charOwner, groundOwner } from '../ledger/owners';
import { recordItem } from '../ledger/record-item';
import { newLedgerRef } from '../ledger/ref';
import { dropTimers } from './drop-timers';
import { zoneBounds } from './zone-bounds';
import { dropInclude, toZoneDrop, type ZoneDrop } from './zone-drop';
import { assertZoneOwner } from '../cluster/zone-ownership';
import { inTransaction } from '../core/transaction';

export const boundCannotDrop = () =>
  new DomainError(
    'INVALID_STATE',
    'bound item cannot change owner',
    'Bound items cannot be dropped. Destroy it instead.',
  );

/**
 * Puts a bag item (or `quantity` of its stack) on the ground at (x, y), in one
 * transaction; the dropper owns it until freeAt. Locks the character row, then
 * its items (the inventory services' order), so it serializes with them.
 * Bound items never change owner: they can only be destroyed. Refused once
 * another process owns the zone (`fence`, the lease token it lands in).
 */
export async function dropItemToGround(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  raw: DropItemInput,
): Promise<ZoneDrop> {
  const input = parseInput(DropItemInputSchema, raw);
  const bounds = zoneBounds(input.zoneId);
  const x = Math.min(Math.max(input.x, 0), bounds.width);
  const y = Math.min(Math.max(input.y, 0), bounds.height);

  return inTransaction(deps.db, async (tx) => {
    await assertZoneOwner(tx, input.fence);
    await lockCharacter(tx, input.characterId);
    const items = await lockCharacterItems(tx, input.characterId);
    const item = bagItem(items, input.itemId);
    if (item.boundCharacterId) throw boundCannotDrop();
    const quantity = input.quantity ?? item.quantity;
    if (quantity > item.quantity) throw notEnoughItems();

    const from = charOwner(input.characterId);
    const to = groundOwner(input.zoneId);
    let groundItemId = item.id;
    if (quantity === item.quantity) {
      await tx.item.update({
        where: { id: item.id },
        data: { container: 'GROUND', characterId: null, slot: 0 },
      });
      await recordItem(tx, {
        reason: 'drop',
        itemId: item.id,
        templateId: item.templateId,
        quantityDelta: 0,
        fromOwner: from,
        toOwner: to,
      });
    } else {
      // a split: both sides in the ledger under one ref, so the quantities still add up
      const ref = newLedgerRef();
      await tx.item.update({
        where: { id: item.id },
        data: { quantity: { decrement: quantity } },
      });
      const ground = await tx.item.create({
        data: {
          templateId: item.templateId,
          quantity,
          durability: item.durability,
          container: 'GROUND',
          slot: 0,
        },
      });
      groundItemId = ground.id;
      await recordItem(tx, {
        reason: 'drop',
        itemId: item.id,
        templateId: item.templateId,
        quantityDelta: -quantity,
        fromOwner: from,
        toOwner: to,
        ref,
      });
      await recordItem(tx, {
        reason: 'drop',
        itemId: ground.id,
        templateId: item.templateId,
        quantityDelta: quantity,
        fromOwner: from,
        toOwner: to,
        ref,
      });
    }
    const drop = await tx.worldDrop.create({
      data: {
        zoneId: input.zoneId,
        x,
        y,
        itemId: groundItemId,
        ownerCharacterId: input.characterId,
        ...dropTimers(deps.clock),
      },
      include: dropInclude,
    });
    return toZoneDrop(drop);
  });
}
