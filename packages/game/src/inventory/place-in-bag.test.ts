import { afterAll, describe, expect, it } from 'vitest';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { sourceOwner } from '../ledger/owners';
import { getInventory } from './get-inventory';
import { grantItem } from './grant-item';
import { placeInBag } from './place-in-bag';
import {
  expectBalanced,
  give,
  holdings,
  ledgerRows,
  newPlayer,
  testTemplate,
} from './test-helpers';

const db = testDb(4);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

const bag = async (p: { userId: string; characterId: string }) =>
  (await getInventory(deps, p)).bag.map((i) => [i.slot, i.templateId, i.quantity]);

describe('placeInBag / grantItem', () => {
  it('tops up existing stacks to the stack size, then fills empty slots', async () => {
    const p = await newPlayer(db);
    await give(db, p, 'scrap_metal', 90); // stackSize 99
    await give(db, p, 'stim_basic', 5);
    const placed = await grantItem(deps, {
      characterId: p.characterId,
      templateId: 'scrap_metal',
      quantity: 120,
      reason: 'admin',
    });
    expect(placed.map((x) => [x.slot, x.quantity])).toEqual([
      [0, 9],
      [2, 99],
      [3, 12],
    ]);
    expect(await bag(p)).toEqual([
      [0, 'scrap_metal', 99],
      [1, 'stim_basic', 5],
      [2, 'scrap_metal', 99],
      [3, 'scrap_metal', 12],
    ]);
    expect(await holdings(db, [p])).toEqual({ scrap_metal: 210, stim_basic: 5 });
    // every stack that grew or was created has a source row
    const rows = await ledgerRows(db, placed[0]!.itemId);
    expect(rows.map((r) => [r.reason, r.quantityDelta, r.fromOwner, r.toOwner])).toEqual([
      ['admin', 90, 'source:admin', `char:${p.characterId}`],
      ['admin', 9, 'source:admin', `char:${p.characterId}`],
    ]);
    await expectBalanced(db, [p]);
  });

  it('does not stack non-stackable items: one slot each, with full durability', async () => {
    const p = await newPlayer(db);
    await grantItem(deps, {
      characterId: p.characterId,
      templateId: 'pistol_unity',
      quantity: 3,
      reason: 'admin',
    });
    const inv = await getInventory(deps, p);
    expect(inv.bag.map((i) => [i.slot, i.quantity, i.durability, i.maxDurability])).toEqual([
      [0, 1, 100, 100],
      [1, 1, 100, 100],
      [2, 1, 100, 100],
    ]);
  });

  it('throws "Your bag is full" without writing anything when not everything fits', async () => {
    const p = await newPlayer(db, { bagSlots: 2 });
    await give(db, p, 'scrap_metal', 50);
    await give(db, p, 'pistol_unity');
    const before = await db.ledgerEntry.count({ where: { toOwner: `char:${p.characterId}` } });
    // 49 would fit on the scrap stack, 50 does not
    await expectDomainError(
      grantItem(deps, {
        characterId: p.characterId,
        templateId: 'scrap_metal',
        quantity: 50,
        reason: 'admin',
      }),
      'INVALID_STATE',
      'Your bag is full',
    );
    await expectDomainError(
      grantItem(deps, {
        characterId: p.characterId,
        templateId: 'jacket_kevlar',
        quantity: 1,
        reason: 'admin',
      }),
      'INVALID_STATE',
      'Your bag is full',
    );
    expect(await holdings(db, [p])).toEqual({ scrap_metal: 50, pistol_unity: 1 });
    expect(await db.ledgerEntry.count({ where: { toOwner: `char:${p.characterId}` } })).toBe(
      before,
    );
    await grantItem(deps, {
      characterId: p.characterId,
      templateId: 'scrap_metal',
      quantity: 49,
      reason: 'admin',
    });
    expect(await bag(p)).toEqual([
      [0, 'scrap_metal', 99],
      [1, 'pistol_unity', 1],
    ]);
    await expectBalanced(db, [p]);
  });

  it('refuses bad quantities, unknown templates and missing or deleted characters', async () => {
    const p = await newPlayer(db);
    for (const quantity of [0, -3, 1.5, Number.NaN])
      await expectDomainError(
        grantItem(deps, {
          characterId: p.characterId,
          templateId: 'stim_basic',
          quantity,
          reason: 'admin',
        }),
        'VALIDATION',
      );
    await expectDomainError(
      grantItem(deps, {
        characterId: p.characterId,
        templateId: 'no_such_item',
        quantity: 1,
        reason: 'admin',
      }),
      'NOT_FOUND',
      'Unknown item',
    );
    await expectDomainError(
      grantItem(deps, {
        characterId: 'nope',
        templateId: 'stim_basic',
        quantity: 1,
        reason: 'admin',
      }),
      'NOT_FOUND',
    );
    await db.character.update({ where: { id: p.characterId }, data: { deletedAt: new Date() } });
    await expectDomainError(
      grantItem(deps, {
        characterId: p.characterId,
        templateId: 'stim_basic',
        quantity: 1,
        reason: 'admin',
      }),
      'NOT_FOUND',
    );
    expect(await holdings(db, [p])).toEqual({});
  });

  it('binds bind-on-pickup items looted or picked up, not ones granted; bound and unbound never stack', async () => {
    const t = await testTemplate(db, 'scrap_metal', { binding: 'pickup', stackSize: 10 });
    const p = await newPlayer(db);
    await give(db, p, t.id, 4);
    await db.$transaction((tx) =>
      placeInBag(tx, {
        characterId: p.characterId,
        templateId: t.id,
        quantity: 3,
        reason: 'loot',
        fromOwner: sourceOwner('loot'),
      }),
    );
    const inv = await getInventory(deps, p);
    expect(inv.bag.map((i) => [i.slot, i.quantity, i.bound])).toEqual([
      [0, 4, false],
      [1, 3, true],
    ]);
    expect(
      (await db.item.findFirstOrThrow({ where: { characterId: p.characterId, slot: 1 } }))
        .boundCharacterId,
    ).toBe(p.characterId);
    await expectBalanced(db, [p]);
  });

  it('rejects creating items without a source owner (a programming error)', async () => {
    const p = await newPlayer(db);
    await expect(
      db.$transaction((tx) =>
        placeInBag(tx, {
          characterId: p.characterId,
          templateId: 'stim_basic',
          quantity: 1,
          reason: 'move',
          fromOwner: 'char:x',
        }),
      ),
    ).rejects.toThrow(/source/);
  });
});
