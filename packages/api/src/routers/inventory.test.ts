import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { checkInvariants, grantItem } from '@necp/game';
import { anonCaller, rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
const deps = testDeps(db);
afterAll(() => db.$disconnect());

async function player() {
  const s = await signedIn(deps, db);
  const c = await s.caller.character.create({
    name: uniq('I'),
    origin: 'streetkid',
    // a netrunner's starter kit (content/starter-kits.ts) leaves the body slot free for the jacket
    class: 'netrunner',
  });
  const give = async (templateId: string, quantity = 1) =>
    (await grantItem(deps, { characterId: c.id, templateId, quantity, reason: 'admin' }))[0]!
      .itemId;
  return { ...s, characterId: c.id, give };
}

describe('inventory router', () => {
  it('requires a session', async () => {
    const c = anonCaller(deps);
    expect(await rejection(c.inventory.get({ characterId: 'x' }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(await rejection(c.inventory.destroy({ characterId: 'x', itemId: 'y' }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('walks get → split → move → equip → unequip → destroy → repair', async () => {
    const p = await player();
    const { characterId } = p;
    // a new character already wears its starter kit
    const kitWeight = (await p.caller.inventory.get({ characterId })).weight;
    const stims = await p.give('stim_basic', 10);
    const jacket = await p.give('jacket_kevlar');
    const empty = await p.caller.inventory.get({ characterId });
    expect(empty).toMatchObject({ characterId, bagSlots: 30, eddies: 0 });
    expect(empty.bag.map((i) => [i.slot, i.templateId, i.quantity, i.template.name])).toEqual([
      [0, 'stim_basic', 10, 'MaxDoc Stim'],
      [1, 'jacket_kevlar', 1, 'Kevlar Jacket'],
    ]);
    expect(empty.weight).toBeCloseTo(kitWeight + 4);
    expect(empty.carryWeight).toBe(empty.stats.carryWeight);

    let inv = await p.caller.inventory.split({
      characterId,
      itemId: stims,
      quantity: 4,
      toSlot: 5,
    });
    expect(inv.bag.map((i) => [i.slot, i.quantity])).toEqual([
      [0, 6],
      [1, 1],
      [5, 4],
    ]);
    inv = await p.caller.inventory.move({ characterId, itemId: stims, toSlot: 5 });
    expect(inv.bag.map((i) => [i.slot, i.quantity])).toEqual([
      [1, 1],
      [5, 10],
    ]);
    inv = await p.caller.inventory.equip({ characterId, itemId: jacket });
    expect(inv.equipment.find((e) => e.slotName === 'body')?.id).toBe(jacket);
    inv = await p.caller.inventory.unequip({ characterId, itemId: jacket, toSlot: 2 });
    expect(inv.bag.map((i) => [i.slot, i.templateId])).toEqual([
      [2, 'jacket_kevlar'],
      [5, 'stim_basic'],
    ]);
    // the merge emptied the first stack (gone); the split-off one holds all 10
    const merged = inv.bag.find((i) => i.slot === 5)!.id;
    expect(merged).not.toBe(stims);
    inv = await p.caller.inventory.destroy({ characterId, itemId: merged, quantity: 3 });
    expect(inv.bag.find((i) => i.id === merged)?.quantity).toBe(7);

    await db.item.update({ where: { id: jacket }, data: { durability: 10 } });
    expect(
      await rejection(p.caller.inventory.repair({ characterId, itemId: jacket })),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Not enough eddies',
    });
    expect(
      await checkInvariants(db, { characterIds: [characterId], userIds: [p.user.id] }),
    ).toEqual([]);
  });

  it('rejects bad input with BAD_REQUEST before touching anything', async () => {
    const p = await player();
    const stims = await p.give('stim_basic', 5);
    const { characterId } = p;
    const bad = [
      () => p.caller.inventory.split({ characterId, itemId: stims, quantity: 0 }),
      () => p.caller.inventory.split({ characterId, itemId: stims, quantity: -2 }),
      () => p.caller.inventory.split({ characterId, itemId: stims, quantity: 1.5 }),
      () => p.caller.inventory.move({ characterId, itemId: stims, toSlot: 1_000_000 }),
      () => p.caller.inventory.move({ characterId, itemId: stims, toSlot: -1 }),
      () => p.caller.inventory.destroy({ characterId, itemId: stims, quantity: 0 }),
      () => p.caller.inventory.equip({ characterId, itemId: stims, slot: 'tail' as never }),
      () => p.caller.inventory.get({ characterId: '' }),
      () => p.caller.inventory.move({ characterId, itemId: 'x'.repeat(100), toSlot: 1 }),
    ];
    for (const call of bad) expect(await rejection(call())).toMatchObject({ code: 'BAD_REQUEST' });
    // in range for the schema, but past this bag's 30 slots: the domain refuses
    expect(
      await rejection(p.caller.inventory.move({ characterId, itemId: stims, toSlot: 30 })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'That slot does not exist',
    });
    expect(
      (await p.caller.inventory.get({ characterId })).bag.map((i) => [i.slot, i.quantity]),
    ).toEqual([[0, 5]]);
  });

  it("gives another account NOT_FOUND for A's character and items, and changes nothing", async () => {
    const a = await player();
    const b = await player();
    const aStims = await a.give('stim_basic', 5);
    const aJacket = await a.give('jacket_kevlar');
    await b.give('pistol_unity');
    const before = await a.caller.inventory.get({ characterId: a.characterId });

    const onA = { characterId: a.characterId };
    const viaB = { characterId: b.characterId };
    const calls = [
      () => b.caller.inventory.get(onA),
      () => b.caller.inventory.move({ ...onA, itemId: aStims, toSlot: 3 }),
      () => b.caller.inventory.equip({ ...onA, itemId: aJacket }),
      () => b.caller.inventory.destroy({ ...onA, itemId: aStims }),
    ];
    for (const call of calls)
      expect(await rejection(call())).toMatchObject({
        code: 'NOT_FOUND',
        message: 'Character not found',
      });
    // B's own character, A's item ids
    const viaOwn = [
      () => b.caller.inventory.move({ ...viaB, itemId: aStims, toSlot: 3 }),
      () => b.caller.inventory.split({ ...viaB, itemId: aStims, quantity: 1 }),
      () => b.caller.inventory.equip({ ...viaB, itemId: aJacket }),
      () => b.caller.inventory.unequip({ ...viaB, itemId: aJacket }),
      () => b.caller.inventory.destroy({ ...viaB, itemId: aStims }),
      () => b.caller.inventory.repair({ ...viaB, itemId: aJacket }),
    ];
    for (const call of viaOwn)
      expect(await rejection(call())).toMatchObject({
        code: 'NOT_FOUND',
        message: 'Item not found',
      });
    expect(await a.caller.inventory.get(onA)).toEqual(before);
  });
});
