/**
 * Items on the buy-back shelf keep the seller's characterId, but they are not
 * carried: they never fill bag slots, weigh, give stats, or answer to inventory,
 * bank or loot services — and a purged character's shelf is destroyed through
 * the ledger like the rest of its items.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { depositItem } from '../bank/deposit-item';
import { purgeExpiredCharacters } from '../characters/purge-expired-characters';
import { destroyItem } from '../inventory/destroy-item';
import { equipItem } from '../inventory/equip-item';
import { getInventory } from '../inventory/get-inventory';
import { moveItem } from '../inventory/move-item';
import { splitStack } from '../inventory/split-stack';
import { expectBalanced, give, newPlayer } from '../inventory/test-helpers';
import { dropItemToGround } from '../loot/drop-item-to-ground';
import { loadCarriedItems } from '../progression/equipped-templates';
import { loadCharacterStats } from '../world/character-stats';
import { fund } from '../progression/test-helpers';
import { buyFromVendor } from './buy-from-vendor';
import { sellToVendor } from './sell-to-vendor';
import { daysOf, moveTo, nextTo } from './test-helpers';

const db = testDb(4);
const deps = testDeps(db);
const day = daysOf(2104);
afterAll(() => db.$disconnect());

const VIK = { contactId: 'vik' } as const;

describe('the buy-back shelf', () => {
  it('frees the bag slot and the weight, and is invisible to inventory, bank and loot services', async () => {
    day(deps.clock);
    const p = await newPlayer(db, { bagSlots: 1, level: 5 });
    await moveTo(db, p, nextTo('vik'));
    await fund(db, p.characterId, 100);
    const jacket = await give(db, p, 'jacket_kevlar');
    const weighed = (await getInventory(deps, p.ref)).weight;
    expect(weighed).toBeGreaterThan(0);
    await sellToVendor(deps, { ...p.ref, ...VIK, itemId: jacket, idempotencyKey: uniq('k-') });

    const inv = await getInventory(deps, p.ref);
    expect(inv.bag).toEqual([]);
    expect(inv.equipment).toEqual([]);
    expect(inv.weight).toBe(0);
    expect(await loadCarriedItems(db, p.characterId)).toEqual({ equipped: [], weight: 0 });
    expect((await loadCharacterStats(deps, p.characterId)).weight).toBe(0);
    // slot 0 of the bag is free again, though the shelf row sits in slot 0 of BUYBACK
    await buyFromVendor(deps, {
      ...p.ref,
      ...VIK,
      templateId: 'stim_basic',
      quantity: 2,
      idempotencyKey: uniq('k-'),
    });
    expect((await getInventory(deps, p.ref)).bag.map((i) => [i.slot, i.templateId])).toEqual([
      [0, 'stim_basic'],
    ]);

    const gone = { code: 'NOT_FOUND', msg: 'Item not found' } as const;
    await expectDomainError(equipItem(deps, { ...p.ref, itemId: jacket }), gone.code, gone.msg);
    await expectDomainError(moveItem(deps, { ...p.ref, itemId: jacket, toSlot: 0 }), gone.code);
    await expectDomainError(splitStack(deps, { ...p.ref, itemId: jacket, quantity: 1 }), gone.code);
    await expectDomainError(destroyItem(deps, { ...p.ref, itemId: jacket }), gone.code);
    await expectDomainError(
      dropItemToGround(deps, {
        characterId: p.characterId,
        itemId: jacket,
        zoneId: 'watson',
        x: 1,
        y: 1,
      }),
      gone.code,
    );
    await moveTo(db, p, { x: 281, y: 242 }); // at the bank terminal
    await expectDomainError(
      depositItem(deps, { ...p.ref, itemId: jacket, idempotencyKey: uniq('k-') }),
      gone.code,
      gone.msg,
    );
    expect(await db.item.findUniqueOrThrow({ where: { id: jacket } })).toMatchObject({
      container: 'BUYBACK',
      characterId: p.characterId,
    });
    await expectBalanced(db, [p]);
  });

  it('is destroyed through the ledger when the character is purged', async () => {
    day(deps.clock);
    const p = await newPlayer(db);
    await moveTo(db, p, nextTo('vik'));
    const stims = await give(db, p, 'stim_basic', 6);
    const pistol = await give(db, p, 'pistol_unity');
    await sellToVendor(deps, { ...p.ref, ...VIK, itemId: pistol, idempotencyKey: uniq('k-') });
    await sellToVendor(deps, {
      ...p.ref,
      ...VIK,
      itemId: stims,
      quantity: 4,
      idempotencyKey: uniq('k-'),
    });
    const shelf = await db.item.findMany({
      where: { characterId: p.characterId, container: 'BUYBACK' },
    });
    expect(shelf).toHaveLength(2);
    const c = await db.character.update({
      where: { id: p.characterId },
      data: { deletedAt: new Date(0) },
    });
    expect(await purgeExpiredCharacters(deps, { nameKey: c.nameLower })).toBe(1);
    expect(await db.item.count({ where: { characterId: p.characterId } })).toBe(0);
    expect(await db.vendorBuyback.count({ where: { characterId: p.characterId } })).toBe(0);
    const sinks = await db.ledgerEntry.findMany({
      where: { reason: 'purge', itemId: { in: [stims, ...shelf.map((s) => s.id)] } },
    });
    expect(sinks.map((r) => [r.itemId, r.quantityDelta, r.fromOwner, r.toOwner]).sort()).toEqual(
      [
        [stims, -2, `char:${p.characterId}`, 'sink:purge'],
        ...shelf.map((s) => [s.id, -s.quantity, `buyback:${p.characterId}`, 'sink:purge']),
      ].sort(),
    );
    await expectBalanced(db, [p]);
  });
});
