import { uniq } from '@necp/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { itemTemplateById, repairCost } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { adminGrantEddies } from '../admin/admin-grant-eddies';
import { destroyItem } from './destroy-item';
import { equipItem } from './equip-item';
import { getInventory } from './get-inventory';
import { repairItem } from './repair-item';
import { expectBalanced, give, holdings, ledgerRows, newPlayer } from './test-helpers';

const db = testDb(4);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

const fund = (characterId: string, amount: number) =>
  adminGrantEddies(deps, {
    idempotencyKey: uniq('k-'),
    adminUserId: 'test-admin',
    characterId,
    amount,
  });

describe('destroyItem', () => {
  it('destroys part of a stack or all of it (ledger sink destroy)', async () => {
    const p = await newPlayer(db);
    const stims = await give(db, p, 'stim_basic', 10);
    let inv = await destroyItem(deps, { ...p.ref, itemId: stims, quantity: 4 });
    expect(inv.bag.map((i) => i.quantity)).toEqual([6]);
    inv = await destroyItem(deps, { ...p.ref, itemId: stims });
    expect(inv.bag).toEqual([]);
    expect(await db.item.findUnique({ where: { id: stims } })).toBeNull();
    expect(
      (await ledgerRows(db, stims)).map((r) => [r.reason, r.quantityDelta, r.toOwner]),
    ).toEqual([
      ['admin', 10, `char:${p.characterId}`],
      ['destroy', -4, 'sink:destroy'],
      ['destroy', -6, 'sink:destroy'],
    ]);
    await expectBalanced(db, [p]);
  });

  it('refuses more than the stack, zero or negative, and other accounts’ items', async () => {
    const p = await newPlayer(db);
    const other = await newPlayer(db);
    const stims = await give(db, p, 'stim_basic', 3);
    const theirs = await give(db, other, 'stim_basic', 3);
    await expectDomainError(
      destroyItem(deps, { ...p.ref, itemId: stims, quantity: 4 }),
      'VALIDATION',
      "You don't have that many",
    );
    for (const quantity of [0, -1])
      await expectDomainError(
        destroyItem(deps, { ...p.ref, itemId: stims, quantity }),
        'VALIDATION',
      );
    await expectDomainError(destroyItem(deps, { ...p.ref, itemId: theirs }), 'NOT_FOUND');
    expect(await holdings(db, [p, other])).toEqual({ stim_basic: 6 });
  });
});

describe('repairItem', () => {
  it('restores durability for repairCost eddies (sink repair), also while equipped', async () => {
    const p = await newPlayer(db);
    const pistol = await give(db, p, 'pistol_unity');
    await equipItem(deps, { ...p.ref, itemId: pistol });
    await db.item.update({ where: { id: pistol }, data: { durability: 0 } });
    const cost = repairCost(itemTemplateById('pistol_unity')!, 0);
    expect(cost).toBeGreaterThan(0);
    await fund(p.characterId, cost + 5);
    const broken = await getInventory(deps, p.ref);
    const inv = await repairItem(deps, { ...p.ref, itemId: pistol });
    expect(inv.eddies).toBe(5);
    expect(inv.equipment.map((e) => [e.durability, e.broken])).toEqual([[100, false]]);
    expect(inv.stats.range).toBe(20); // the pistol counts again
    expect(broken.stats.range).not.toBe(20);
    const row = await db.ledgerEntry.findFirstOrThrow({
      where: { characterId: p.characterId, reason: 'repair' },
    });
    expect(row).toMatchObject({ eddiesDelta: -cost, balanceAfter: 5, ref: pistol });
    await expectBalanced(db, [p]);
    // repairing is how engineering grows: 100 durability restored → 20 skill XP
    const skill = await db.characterSkill.findUniqueOrThrow({
      where: { characterId_skillId: { characterId: p.characterId, skillId: 'engineering' } },
    });
    expect(skill.xp).toBe(20);
  });

  it('"Not enough eddies" changes nothing; full or durability-less items are refused', async () => {
    const p = await newPlayer(db);
    const jacket = await give(db, p, 'jacket_kevlar');
    const stim = await give(db, p, 'stim_basic');
    await db.item.update({ where: { id: jacket }, data: { durability: 60 } });
    const cost = repairCost(itemTemplateById('jacket_kevlar')!, 60);
    await fund(p.characterId, cost - 1);
    await expectDomainError(
      repairItem(deps, { ...p.ref, itemId: jacket }),
      'INVALID_STATE',
      'Not enough eddies',
    );
    const inv = await getInventory(deps, p.ref);
    expect(inv.eddies).toBe(cost - 1);
    expect(inv.bag.find((i) => i.id === jacket)?.durability).toBe(60);
    await fund(p.characterId, 1);
    await repairItem(deps, { ...p.ref, itemId: jacket });
    await expectDomainError(
      repairItem(deps, { ...p.ref, itemId: jacket }),
      'INVALID_STATE',
      "That item doesn't need repairs",
    );
    await expectDomainError(
      repairItem(deps, { ...p.ref, itemId: stim }),
      'INVALID_STATE',
      "That item can't be repaired",
    );
    expect((await getInventory(deps, p.ref)).eddies).toBe(0);
    await expectBalanced(db, [p]);
  });
});
