import { afterAll, describe, expect, it } from 'vitest';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { getInventory } from './get-inventory';
import { moveItem } from './move-item';
import { splitStack } from './split-stack';
import { expectBalanced, give, holdings, ledgerRows, newPlayer } from './test-helpers';

const db = testDb(4);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

type Ref = { userId: string; characterId: string };
const layout = async (p: Ref) =>
  (await getInventory(deps, p)).bag.map((i) => [i.slot, i.templateId, i.quantity]);

describe('moveItem', () => {
  it('moves to an empty slot and swaps with a different item', async () => {
    const p = await newPlayer(db);
    const pistol = await give(db, p, 'pistol_unity');
    const stims = await give(db, p, 'stim_basic', 3);
    await moveItem(deps, { ...p.ref, itemId: pistol, toSlot: 7 });
    expect(await layout(p.ref)).toEqual([
      [1, 'stim_basic', 3],
      [7, 'pistol_unity', 1],
    ]);
    const inv = await moveItem(deps, { ...p.ref, itemId: stims, toSlot: 7 });
    expect(inv.bag.map((i) => [i.slot, i.id])).toEqual([
      [1, pistol],
      [7, stims],
    ]);
    // same slot: nothing happens
    await moveItem(deps, { ...p.ref, itemId: stims, toSlot: 7 });
    expect(await layout(p.ref)).toEqual([
      [1, 'pistol_unity', 1],
      [7, 'stim_basic', 3],
    ]);
    await expectBalanced(db, [p]);
  });

  it('merges onto the same stackable item up to the stack size; the remainder stays', async () => {
    const p = await newPlayer(db);
    await give(db, p, 'stim_basic', 40); // stackSize 20: slots 0 and 1
    const [a, b] = (await getInventory(deps, p.ref)).bag.map((i) => i.id);
    await splitStack(deps, { ...p.ref, itemId: a!, quantity: 5, toSlot: 2 });
    const c = (await getInventory(deps, p.ref)).bag.find((i) => i.slot === 2)!.id;
    expect(await layout(p.ref)).toEqual([
      [0, 'stim_basic', 15],
      [1, 'stim_basic', 20],
      [2, 'stim_basic', 5],
    ]);
    await moveItem(deps, { ...p.ref, itemId: b!, toSlot: 2 }); // 15 fit, 5 stay behind
    expect(await layout(p.ref)).toEqual([
      [0, 'stim_basic', 15],
      [1, 'stim_basic', 5],
      [2, 'stim_basic', 20],
    ]);
    const merge = (await ledgerRows(db, c)).filter((r) => r.reason === 'merge');
    expect(merge.map((r) => r.quantityDelta)).toEqual([15]);
    const bothSides = await db.ledgerEntry.findMany({
      where: { ref: merge[0]!.ref },
      orderBy: { id: 'asc' },
    });
    expect(bothSides.map((r) => [r.itemId, r.quantityDelta])).toEqual([
      [b, -15],
      [c, 15],
    ]);
    await moveItem(deps, { ...p.ref, itemId: b!, toSlot: 0 }); // all 5 fit: the stack is gone
    expect(await layout(p.ref)).toEqual([
      [0, 'stim_basic', 20],
      [2, 'stim_basic', 20],
    ]);
    expect(await db.item.findUnique({ where: { id: b! } })).toBeNull();
    expect(await holdings(db, [p])).toEqual({ stim_basic: 40 });
    await expectBalanced(db, [p]);
  });

  it('swaps two full stacks instead of doing nothing', async () => {
    const p = await newPlayer(db);
    await give(db, p, 'stim_basic', 40);
    const inv = await getInventory(deps, p.ref);
    const [s0, s1] = inv.bag;
    await moveItem(deps, { ...p.ref, itemId: s0!.id, toSlot: 1 });
    const after = await getInventory(deps, p.ref);
    expect(after.bag.map((i) => [i.slot, i.id])).toEqual([
      [0, s1!.id],
      [1, s0!.id],
    ]);
  });

  it('refuses slots outside the bag, equipped items, and items that are not yours', async () => {
    const p = await newPlayer(db, { bagSlots: 10 });
    const other = await newPlayer(db);
    const mine = await give(db, p, 'stim_basic', 2);
    const theirs = await give(db, other, 'stim_basic', 2);
    await expectDomainError(
      moveItem(deps, { ...p.ref, itemId: mine, toSlot: 10 }),
      'VALIDATION',
      'That slot does not exist',
    );
    await expectDomainError(moveItem(deps, { ...p.ref, itemId: mine, toSlot: -1 }), 'VALIDATION');
    await expectDomainError(moveItem(deps, { ...p.ref, itemId: mine, toSlot: 1e9 }), 'VALIDATION');
    await expectDomainError(moveItem(deps, { ...p.ref, itemId: mine, toSlot: 1.5 }), 'VALIDATION');
    await expectDomainError(
      moveItem(deps, { ...p.ref, itemId: theirs, toSlot: 3 }),
      'NOT_FOUND',
      'Item not found',
    );
    await expectDomainError(
      moveItem(deps, { ...p.ref, itemId: 'x'.repeat(65), toSlot: 3 }),
      'VALIDATION',
    );
    expect(await layout(p.ref)).toEqual([[0, 'stim_basic', 2]]);
    expect(await layout(other.ref)).toEqual([[0, 'stim_basic', 2]]);
  });
});

describe('splitStack', () => {
  it('takes a quantity into the first free slot or a chosen empty one; both sides in the ledger', async () => {
    const p = await newPlayer(db);
    const stims = await give(db, p, 'stim_basic', 10);
    await give(db, p, 'pistol_unity');
    await splitStack(deps, { ...p.ref, itemId: stims, quantity: 3 });
    await splitStack(deps, { ...p.ref, itemId: stims, quantity: 2, toSlot: 9 });
    expect(await layout(p.ref)).toEqual([
      [0, 'stim_basic', 5],
      [1, 'pistol_unity', 1],
      [2, 'stim_basic', 3],
      [9, 'stim_basic', 2],
    ]);
    const splits = await db.ledgerEntry.findMany({ where: { itemId: stims, reason: 'split' } });
    expect(splits.map((r) => r.quantityDelta)).toEqual([-3, -2]);
    await expectBalanced(db, [p]);
  });

  it('refuses the whole stack or more, zero/negative, a taken slot, a full bag', async () => {
    const p = await newPlayer(db, { bagSlots: 2 });
    const stims = await give(db, p, 'stim_basic', 5);
    for (const quantity of [5, 6])
      await expectDomainError(
        splitStack(deps, { ...p.ref, itemId: stims, quantity }),
        'VALIDATION',
      );
    for (const quantity of [0, -1, 2.5])
      await expectDomainError(
        splitStack(deps, { ...p.ref, itemId: stims, quantity }),
        'VALIDATION',
      );
    await expectDomainError(
      splitStack(deps, { ...p.ref, itemId: stims, quantity: 1, toSlot: 0 }),
      'INVALID_STATE',
      'That slot is taken',
    );
    await expectDomainError(
      splitStack(deps, { ...p.ref, itemId: stims, quantity: 1, toSlot: 2 }),
      'VALIDATION',
    );
    await give(db, p, 'pistol_unity');
    await expectDomainError(
      splitStack(deps, { ...p.ref, itemId: stims, quantity: 1 }),
      'INVALID_STATE',
      'Your bag is full',
    );
    expect(await layout(p.ref)).toEqual([
      [0, 'stim_basic', 5],
      [1, 'pistol_unity', 1],
    ]);
    await expectBalanced(db, [p]);
  });
});
