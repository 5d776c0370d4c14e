import {
  EQUIPMENT_SLOTS,
  EquipItemInputSchema,
  equipRefusal,
  type EquipItemInput,
  type EquipmentSlot,
  type InventoryView,
  type TemplateSlot,
} from '@necp/shared';
import type { Item } from '@necp/db';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { charOwner } from '../ledger/owners';
import { recordItem } from '../ledger/record-item';
import { newLedgerRef } from '../ledger/ref';
import { equipTarget } from './equip-targets';
import { bagFull } from './errors';
import { withCharacterLocked } from '../core/row-locks';
import { inBag, inEquipment, ownedItem } from './owned-items';
import { readInventory } from './read-inventory';
import { loadTemplates, templateOf } from './templates';
import { publishStatsChanged } from '../world/publish-stats-changed';

const PARKING_SLOT = -1;

const slotIndex = (slot: EquipmentSlot) => EQUIPMENT_SLOTS.indexOf(slot);

/** One 'equip' ledger row: the item stays with the character (bag ↔ equipment). */
const recordEquip = (tx: Tx, characterId: string, item: Item, ref: string) =>
  recordItem(tx, {
    reason: 'equip',
    itemId: item.id,
    templateId: item.templateId,
    quantityDelta: 0,
    fromOwner: charOwner(characterId),
    toOwner: charOwner(characterId),
    ref,
  });

/**
 * Equips a bag item after checking level, class and slot. Whatever it pushes out
 * (the item in its slot; for a two-hander also the off-hand; for an off-hand also
 * a two-hander) goes back to the bag — first into the slot the new item leaves,
 * then free slots; if they do not fit, "Your bag is full" and nothing changes.
 * Bind-on-equip items bind to the character.
 */
export async function equipItem(
  deps: Pick<GameDeps, 'db'>,
  input: EquipItemInput,
): Promise<InventoryView> {
  const { characterId, itemId, slot } = parseInput(EquipItemInputSchema, input);
  return withCharacterLocked(deps.db, characterId, async (tx, c, items) => {
    const item = ownedItem(items, itemId);
    if (item.container !== 'BAG')
      throw new DomainError(
        'INVALID_STATE',
        'item already equipped',
        'That item is already equipped',
      );
    const equipped = inEquipment(items);
    const templates = await loadTemplates(tx, [
      item.templateId,
      ...equipped.map((i) => i.templateId),
    ]);
    const template = templateOf(templates, item.templateId);
    const refusal = equipRefusal(template, c);
    if (refusal) throw new DomainError('INVALID_STATE', `cannot equip ${template.id}`, refusal);

    const bySlot = new Map<EquipmentSlot, Item>();
    for (const e of equipped) {
      const name = EQUIPMENT_SLOTS[e.slot];
      if (name) bySlot.set(name, e);
    }
    const occupied = new Map<EquipmentSlot, TemplateSlot | undefined>(
      [...bySlot].map(([s, e]) => [s, templateOf(templates, e.templateId).slot]),
    );
    // equipRefusal refused a template without a slot
    const target = template.slot ? equipTarget(template.slot, occupied, slot) : null;
    if (!target)
      throw new DomainError(
        'VALIDATION',
        `${template.id} does not fit ${slot}`,
        "That item doesn't go there",
      );

    // displaced items return to the bag: first where the new item was, then free slots
    const displaced = target.displace.map((s) => bySlot.get(s) as Item);
    const taken = new Set(inBag(items).map((i) => i.slot));
    const freeSlots = [item.slot];
    for (let s = 0; s < c.bagSlots && freeSlots.length < displaced.length; s++)
      if (!taken.has(s)) freeSlots.push(s);
    if (displaced.length > freeSlots.length) throw bagFull();

    const ref = newLedgerRef();
    await tx.item.update({ where: { id: item.id }, data: { slot: PARKING_SLOT } });
    for (const [i, d] of displaced.entries()) {
      await tx.item.update({
        where: { id: d.id },
        data: { container: 'BAG', slot: freeSlots[i] as number },
      });
      await recordEquip(tx, c.id, d, ref);
    }
    await tx.item.update({
      where: { id: item.id },
      data: {
        container: 'EQUIPMENT',
        slot: slotIndex(target.slot),
        ...(template.binding === 'equip' && item.boundCharacterId === null
          ? { boundCharacterId: c.id }
          : {}),
      },
    });
    await recordEquip(tx, c.id, item, ref);
    await publishStatsChanged(tx, c.id, 'inventory.equip');
    return readInventory(tx, c);
  });
}
