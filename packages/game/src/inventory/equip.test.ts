import { afterAll, describe, expect, it } from 'vitest';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { destroyItem } from './destroy-item';
import { equipItem } from './equip-item';
import { getInventory } from './get-inventory';
import { moveItem } from './move-item';
import { splitStack } from './split-stack';
import { unequipItem } from './unequip-item';
import { expectBalanced, give, holdings, newPlayer, testTemplate } from './test-helpers';

const db = testDb(4);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

type Ref = { userId: string; characterId: string };
const worn = async (p: Ref) =>
  Object.fromEntries(
    (await getInventory(deps, p)).equipment.map((e) => [e.slotName, e.templateId]),
  );
const bagIds = async (p: Ref) =>
  (await getInventory(deps, p)).bag.map((i) => [i.slot, i.templateId]);

describe('equipItem / unequipItem', () => {
  it('equips into the item slot; the previous item swaps back into the bag', async () => {
    const p = await newPlayer(db);
    const knife = await give(db, p, 'knife_combat');
    const pistol = await give(db, p, 'pistol_unity');
    const bare = (await getInventory(deps, p.ref)).stats;
    let inv = await equipItem(deps, { ...p.ref, itemId: knife });
    expect(inv.equipment.map((e) => [e.slotName, e.id, e.slot])).toEqual([['main_hand', knife, 5]]);
    expect(inv.bag.map((i) => [i.slot, i.id])).toEqual([[1, pistol]]);
    inv = await equipItem(deps, { ...p.ref, itemId: pistol });
    expect(inv.equipment.map((e) => [e.slotName, e.id])).toEqual([['main_hand', pistol]]);
    expect(inv.bag.map((i) => [i.slot, i.id])).toEqual([[1, knife]]);
    // the pistol's stats count (ranged: scaled by reflexes), fists no longer
    expect(inv.stats.range).toBe(20);
    expect(bare.range).toBeLessThan(20);
    expect(inv.stats.damageMax).toBeGreaterThan(bare.damageMax);
    const rows = await db.ledgerEntry.findMany({
      where: { itemId: { in: [knife, pistol] }, reason: 'equip' },
    });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.quantityDelta === 0 && r.fromOwner === r.toOwner)).toBe(true);
    await expectBalanced(db, [p]);
  });

  it('checks level and class requirements and that the item is equippable at all', async () => {
    const p = await newPlayer(db); // level 1 solo
    const rifle = await give(db, p, 'rifle_copperhead'); // level 5
    const stim = await give(db, p, 'stim_basic');
    const netOnly = await testTemplate(db, 'knife_combat', {
      classReq: ['netrunner'],
      name: 'Net Blade',
    });
    const blade = await give(db, p, netOnly.id);
    const low = await expectDomainError(
      equipItem(deps, { ...p.ref, itemId: rifle }),
      'INVALID_STATE',
    );
    expect(low.userMessage).toMatch(/level 5/);
    await expectDomainError(equipItem(deps, { ...p.ref, itemId: stim }), 'INVALID_STATE');
    const e = await expectDomainError(
      equipItem(deps, { ...p.ref, itemId: blade }),
      'INVALID_STATE',
    );
    expect(e.userMessage).toMatch(/netrunner/);
    expect(await worn(p.ref)).toEqual({});

    const runner = await newPlayer(db, { class: 'netrunner', level: 5 });
    const blade2 = await give(db, runner, netOnly.id);
    const rifle2 = await give(db, runner, 'rifle_copperhead');
    await equipItem(deps, { ...runner.ref, itemId: blade2 });
    await equipItem(deps, { ...runner.ref, itemId: rifle2 });
    expect(await worn(runner.ref)).toEqual({ main_hand: 'rifle_copperhead' });
  });

  it('two-handers take main_hand and free off_hand; an off-hand item pushes the two-hander out', async () => {
    const shield = await testTemplate(db, 'knife_combat', {
      slot: 'off_hand',
      name: 'Riot Shield',
    });
    const p = await newPlayer(db, { level: 5 });
    const pistol = await give(db, p, 'pistol_unity');
    const off = await give(db, p, shield.id);
    const rifle = await give(db, p, 'rifle_copperhead');
    await equipItem(deps, { ...p.ref, itemId: pistol });
    await equipItem(deps, { ...p.ref, itemId: off });
    expect(await worn(p.ref)).toEqual({ main_hand: 'pistol_unity', off_hand: shield.id });
    let inv = await equipItem(deps, { ...p.ref, itemId: rifle }); // rifle was in slot 2
    expect(inv.equipment.map((e) => e.slotName)).toEqual(['main_hand']);
    expect(inv.bag.map((i) => [i.slot, i.id])).toEqual([
      [0, off],
      [2, pistol],
    ]);
    inv = await equipItem(deps, { ...p.ref, itemId: off });
    expect(inv.equipment.map((e) => [e.slotName, e.id])).toEqual([['off_hand', off]]);
    expect(inv.bag.map((i) => [i.slot, i.id])).toEqual([
      [0, rifle],
      [2, pistol],
    ]);
    await expectBalanced(db, [p]);
  });

  it('refuses with "Your bag is full" when the displaced items do not fit, changing nothing', async () => {
    const shield = await testTemplate(db, 'knife_combat', {
      slot: 'off_hand',
      name: 'Riot Shield',
    });
    const p = await newPlayer(db, { level: 5, bagSlots: 3 });
    const pistol = await give(db, p, 'pistol_unity');
    const off = await give(db, p, shield.id);
    await equipItem(deps, { ...p.ref, itemId: pistol });
    await equipItem(deps, { ...p.ref, itemId: off });
    const rifle = await give(db, p, 'rifle_copperhead');
    await give(db, p, 'stim_basic');
    await give(db, p, 'scrap_metal');
    const before = await getInventory(deps, p.ref);
    await expectDomainError(
      equipItem(deps, { ...p.ref, itemId: rifle }),
      'INVALID_STATE',
      'Your bag is full',
    );
    expect(await getInventory(deps, p.ref)).toEqual(before);
    await expectDomainError(
      unequipItem(deps, { ...p.ref, itemId: pistol }),
      'INVALID_STATE',
      'Your bag is full',
    );
  });

  it('cyberware fills cyber_1 then cyber_2, or the slot asked for; bind-on-equip binds', async () => {
    const p = await newPlayer(db, { level: 2 });
    const [k1, k2, k3] = [
      await give(db, p, 'cyber_optics_kiroshi'),
      await give(db, p, 'cyber_optics_kiroshi'),
      await give(db, p, 'cyber_optics_kiroshi'),
    ];
    expect((await getInventory(deps, p.ref)).bag.every((i) => !i.bound)).toBe(true);
    await equipItem(deps, { ...p.ref, itemId: k1! });
    await equipItem(deps, { ...p.ref, itemId: k2! });
    let inv = await getInventory(deps, p.ref);
    expect(inv.equipment.map((e) => [e.slotName, e.id, e.bound])).toEqual([
      ['cyber_1', k1, true],
      ['cyber_2', k2, true],
    ]);
    await expectDomainError(equipItem(deps, { ...p.ref, itemId: k3!, slot: 'head' }), 'VALIDATION');
    inv = await equipItem(deps, { ...p.ref, itemId: k3!, slot: 'cyber_2' });
    expect(inv.equipment.map((e) => [e.slotName, e.id])).toEqual([
      ['cyber_1', k1],
      ['cyber_2', k3],
    ]);
    expect(inv.bag.map((i) => [i.id, i.bound])).toEqual([[k2, true]]); // stays bound in the bag
    expect((await db.item.findUniqueOrThrow({ where: { id: k2! } })).boundCharacterId).toBe(
      p.characterId,
    );
  });

  it('unequips to the first free slot or a chosen empty one', async () => {
    const p = await newPlayer(db, { bagSlots: 5 });
    const jacket = await give(db, p, 'jacket_kevlar');
    const cap = await give(db, p, 'cap_street');
    await give(db, p, 'stim_basic');
    await equipItem(deps, { ...p.ref, itemId: jacket });
    await equipItem(deps, { ...p.ref, itemId: cap });
    let inv = await unequipItem(deps, { ...p.ref, itemId: jacket });
    expect(inv.bag.map((i) => [i.slot, i.id]).slice(0, 1)).toEqual([[0, jacket]]);
    await expectDomainError(
      unequipItem(deps, { ...p.ref, itemId: cap, toSlot: 0 }),
      'INVALID_STATE',
      'That slot is taken',
    );
    await expectDomainError(unequipItem(deps, { ...p.ref, itemId: cap, toSlot: 5 }), 'VALIDATION');
    inv = await unequipItem(deps, { ...p.ref, itemId: cap, toSlot: 4 });
    expect(inv.bag.map((i) => [i.slot, i.templateId])).toEqual([
      [0, 'jacket_kevlar'],
      [2, 'stim_basic'],
      [4, 'cap_street'],
    ]);
    expect(inv.equipment).toEqual([]);
    await expectDomainError(
      unequipItem(deps, { ...p.ref, itemId: cap }),
      'INVALID_STATE',
      'That item is not equipped',
    );
    await expectDomainError(equipItem(deps, { ...p.ref, itemId: 'nope' }), 'NOT_FOUND');
    await expectBalanced(db, [p]);
  });

  it('equipped items cannot be moved, split or destroyed from the bag, nor equipped twice', async () => {
    const p = await newPlayer(db);
    const jacket = await give(db, p, 'jacket_kevlar');
    await equipItem(deps, { ...p.ref, itemId: jacket });
    await expectDomainError(
      moveItem(deps, { ...p.ref, itemId: jacket, toSlot: 3 }),
      'INVALID_STATE',
      'Unequip that item first',
    );
    await expectDomainError(
      splitStack(deps, { ...p.ref, itemId: jacket, quantity: 1 }),
      'INVALID_STATE',
    );
    await expectDomainError(destroyItem(deps, { ...p.ref, itemId: jacket }), 'INVALID_STATE');
    await expectDomainError(
      equipItem(deps, { ...p.ref, itemId: jacket }),
      'INVALID_STATE',
      'That item is already equipped',
    );
    expect(await worn(p.ref)).toEqual({ body: 'jacket_kevlar' });
    expect(await bagIds(p.ref)).toEqual([]);
    expect(await holdings(db, [p])).toEqual({ jacket_kevlar: 1 });
  });

  it('broken equipment (durability 0) stays worn and weighs, but gives no stats', async () => {
    const p = await newPlayer(db);
    const jacket = await give(db, p, 'jacket_kevlar'); // armor 12
    const bare = await getInventory(deps, p.ref);
    const dressed = await equipItem(deps, { ...p.ref, itemId: jacket });
    expect(dressed.stats.armor).toBe(bare.stats.armor + 12);
    await db.item.update({ where: { id: jacket }, data: { durability: 0 } });
    const broken = await getInventory(deps, p.ref);
    expect(broken.equipment.map((e) => [e.slotName, e.broken, e.durability])).toEqual([
      ['body', true, 0],
    ]);
    expect(broken.stats).toEqual(bare.stats);
    expect(broken.weight).toBe(dressed.weight);
  });
});
