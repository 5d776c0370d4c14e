/**
 * Test-only helpers for the progression tests (not exported from the package).
 * Money and items are created through the ledger writers, so the tests' data
 * keeps the ledger invariants that other tests check across the database.
 */
import { EQUIPMENT_SLOTS, itemTemplateById, type EquipmentSlot } from '@necp/shared';
import { createTestCharacter, createTestUser } from '@necp/db/testing';
import type { Db } from '../core/deps';
import { charOwner, sourceOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { recordItem } from '../ledger/record-item';

export const fund = (db: Db, characterId: string, eddies: number) =>
  db.$transaction((tx) => recordCurrency(tx, { reason: 'admin', characterId, delta: eddies }));

/** Puts a content item straight into an equipment slot (admin source). */
export async function equipDirect(
  db: Db,
  characterId: string,
  templateId: string,
  slot: EquipmentSlot,
  durability?: number,
) {
  const t = itemTemplateById(templateId);
  if (!t) throw new Error(templateId);
  return db.$transaction(async (tx) => {
    const item = await tx.item.create({
      data: {
        templateId,
        quantity: 1,
        durability: durability ?? t.maxDurability ?? null,
        container: 'EQUIPMENT',
        slot: EQUIPMENT_SLOTS.indexOf(slot),
        characterId,
      },
    });
    await recordItem(tx, {
      reason: 'admin',
      itemId: item.id,
      templateId,
      quantityDelta: 1,
      fromOwner: sourceOwner('admin'),
      toOwner: charOwner(characterId),
    });
    return item;
  });
}

/** A fresh account with one factory character (a streetkid solo at its starting attributes). */
export async function freshCharacter(db: Db) {
  const user = await createTestUser(db);
  const c = await createTestCharacter(db, user.id);
  return { userId: user.id, characterId: c.id };
}
