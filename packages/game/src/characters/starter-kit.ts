import { EQUIPMENT_SLOTS, STARTER_KITS, type ClassId } from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { Tx } from '../core/deps';
import { charOwner, sourceOwner } from '../ledger/owners';
import { recordItem } from '../ledger/record-item';

/**
 * Dresses a brand-new character in its class's starter kit (content/starter-kits.ts),
 * equipped, inside the creating transaction. Each item is a ledger source `starter`.
 */
export async function grantStarterKit(
  tx: Tx,
  characterId: string,
  classId: ClassId,
  ref: string,
): Promise<void> {
  const ids = STARTER_KITS[classId];
  const templates = await tx.itemTemplate.findMany({ where: { id: { in: [...ids] } } });
  for (const id of ids) {
    const t = templates.find((x) => x.id === id);
    // checkContent guarantees kit items exist and fit a slot; a seed out of date must fail loudly
    const slot = t?.slot ? closedSet.ItemTemplate.slot.parse(t.slot) : null;
    const at = EQUIPMENT_SLOTS.findIndex((s) => s === slot);
    if (!t || at < 0) throw new Error(`starter kit item ${id} is not a seeded equippable template`);
    const item = await tx.item.create({
      data: {
        templateId: t.id,
        quantity: 1,
        durability: t.maxDurability,
        container: 'EQUIPMENT',
        slot: at,
        characterId,
      },
    });
    await recordItem(tx, {
      reason: 'starter',
      itemId: item.id,
      templateId: t.id,
      quantityDelta: 1,
      fromOwner: sourceOwner('starter'),
      toOwner: charOwner(characterId),
      ref,
    });
  }
}
