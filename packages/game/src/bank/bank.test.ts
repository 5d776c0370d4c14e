import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { BANK_RANGE } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { equipItem } from '../inventory/equip-item';
import { getInventory } from '../inventory/get-inventory';
import { unequipItem } from '../inventory/unequip-item';
import {
  AT_BANK,
  expectBalanced,
  give,
  holdings,
  ledgerRows,
  newPlayer,
  secondCharacter,
} from '../inventory/test-helpers';
import { depositItem } from './deposit-item';
import { getBank } from './get-bank';
import { moveInBank } from './move-in-bank';
import { withdrawItem } from './withdraw-item';

const db = testDb(4);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

type Ref = { userId: string; characterId: string };
const bankLayout = async (p: Ref) =>
  (await getBank(deps, p)).items.map((i) => [i.slot, i.templateId, i.quantity]);

describe('bank', () => {
  it('needs the character within BANK_RANGE of a bank terminal of its zone', async () => {
    const p = await newPlayer(db); // Kabuki Market, ~29 m from the terminal
    const stims = await give(db, p, 'stim_basic', 2);
    const refused = 'You need to be at a bank terminal';
    await expectDomainError(getBank(deps, p.ref), 'FORBIDDEN', refused);
    await expectDomainError(
      depositItem(deps, { ...p.ref, itemId: stims, idempotencyKey: uniq('k-') }),
      'FORBIDDEN',
      refused,
    );
    await expectDomainError(
      withdrawItem(deps, { ...p.ref, itemId: stims, idempotencyKey: uniq('k-') }),
      'FORBIDDEN',
      refused,
    );
    await expectDomainError(
      moveInBank(deps, { ...p.ref, itemId: stims, toSlot: 1 }),
      'FORBIDDEN',
      refused,
    );
    // just inside the range
    await db.character.update({
      where: { id: p.characterId },
      data: { x: 280 + BANK_RANGE - 0.01, y: 240 },
    });
    expect(await getBank(deps, p.ref)).toEqual({ bankSlots: 48, items: [] });
    // the right spot in another zone (no terminal there) does not count
    await db.character.update({
      where: { id: p.characterId },
      data: { zoneId: 'westbrook', ...AT_BANK },
    });
    await expectDomainError(getBank(deps, p.ref), 'FORBIDDEN');
  });

  it('deposits and withdraws whole stacks and parts, shared by the account’s characters', async () => {
    const a = await newPlayer(db, { atBank: true });
    const b = await secondCharacter(db, a, { atBank: true });
    const stims = await give(db, a, 'stim_basic', 15);
    const pistol = await give(db, a, 'pistol_unity');
    let r = await depositItem(deps, { ...a.ref, itemId: pistol, idempotencyKey: uniq('k-') });
    expect(r.bank.items.map((i) => [i.slot, i.id])).toEqual([[0, pistol]]);
    expect(r.inventory.bag.map((i) => i.id)).toEqual([stims]);
    r = await depositItem(deps, {
      ...a.ref,
      itemId: stims,
      quantity: 5,
      toSlot: 7,
      idempotencyKey: uniq('k-'),
    });
    expect(r.inventory.bag.map((i) => i.quantity)).toEqual([10]);
    expect(await bankLayout(a.ref)).toEqual([
      [0, 'pistol_unity', 1],
      [7, 'stim_basic', 5],
    ]);
    // the rest merges onto the banked stack
    await depositItem(deps, { ...a.ref, itemId: stims, idempotencyKey: uniq('k-') });
    expect(await bankLayout(a.ref)).toEqual([
      [0, 'pistol_unity', 1],
      [7, 'stim_basic', 15],
    ]);
    expect(await db.item.findUnique({ where: { id: stims } })).toBeNull();

    // the other character takes them out: part, then the rest (the row itself moves)
    const banked = (await getBank(deps, b.ref)).items.find((i) => i.slot === 7)!.id;
    r = await withdrawItem(deps, {
      ...b.ref,
      itemId: banked,
      quantity: 4,
      idempotencyKey: uniq('k-'),
    });
    expect(r.inventory.bag.map((i) => [i.slot, i.quantity])).toEqual([[0, 4]]);
    r = await withdrawItem(deps, {
      ...b.ref,
      itemId: pistol,
      toSlot: 3,
      idempotencyKey: uniq('k-'),
    });
    r = await withdrawItem(deps, { ...b.ref, itemId: banked, idempotencyKey: uniq('k-') });
    expect(r.inventory.bag.map((i) => [i.slot, i.templateId, i.quantity])).toEqual([
      [0, 'stim_basic', 15],
      [3, 'pistol_unity', 1],
    ]);
    expect(r.bank.items).toEqual([]);
    expect(
      (await ledgerRows(db, pistol)).map((x) => [
        x.reason,
        x.quantityDelta,
        x.fromOwner,
        x.toOwner,
      ]),
    ).toEqual([
      ['admin', 1, 'source:admin', `char:${a.characterId}`],
      ['move', 0, `char:${a.characterId}`, `bank:${a.userId}`],
      ['move', 0, `bank:${a.userId}`, `char:${b.characterId}`],
    ]);
    expect(await holdings(db, [a, b])).toEqual({ stim_basic: 15, pistol_unity: 1 });
    await expectBalanced(db, [a, b]);
  });

  it('moves, merges and swaps inside the bank', async () => {
    const p = await newPlayer(db, { atBank: true });
    await give(db, p, 'scrap_metal', 150); // 99 + 51
    await give(db, p, 'pistol_unity');
    const inv = await getInventory(deps, p.ref);
    for (const i of inv.bag)
      await depositItem(deps, {
        ...p.ref,
        itemId: i.id,
        toSlot: i.slot,
        idempotencyKey: uniq('k-'),
      });
    const [full, , pistol] = (await getBank(deps, p.ref)).items;
    await moveInBank(deps, { ...p.ref, itemId: pistol!.id, toSlot: 10 });
    await moveInBank(deps, { ...p.ref, itemId: full!.id, toSlot: 10 }); // swap
    expect(await bankLayout(p.ref)).toEqual([
      [0, 'pistol_unity', 1],
      [1, 'scrap_metal', 51],
      [10, 'scrap_metal', 99],
    ]);
    await moveInBank(deps, { ...p.ref, itemId: full!.id, toSlot: 1 }); // merge 48, 51 stay
    expect(await bankLayout(p.ref)).toEqual([
      [0, 'pistol_unity', 1],
      [1, 'scrap_metal', 99],
      [10, 'scrap_metal', 51],
    ]);
    await expectDomainError(
      moveInBank(deps, { ...p.ref, itemId: full!.id, toSlot: 48 }),
      'VALIDATION',
    );
    await expectBalanced(db, [p]);
  });

  it('refuses bound items, equipped items, a full bank or bag, too many, and other accounts’ items', async () => {
    const p = await newPlayer(db, { atBank: true, level: 2, bagSlots: 1 });
    const other = await newPlayer(db, { atBank: true });
    const optics = await give(db, p, 'cyber_optics_kiroshi');
    await equipItem(deps, { ...p.ref, itemId: optics }); // binds on equip
    await expectDomainError(
      depositItem(deps, { ...p.ref, itemId: optics, idempotencyKey: uniq('k-') }),
      'INVALID_STATE',
      'Unequip that item first',
    );
    await unequipItem(deps, { ...p.ref, itemId: optics });
    await expectDomainError(
      depositItem(deps, { ...p.ref, itemId: optics, idempotencyKey: uniq('k-') }),
      'INVALID_STATE',
      'Bound items cannot be stored in the bank',
    );
    const theirs = await give(db, other, 'stim_basic', 3);
    await depositItem(deps, { ...other.ref, itemId: theirs, idempotencyKey: uniq('k-') });
    await expectDomainError(
      depositItem(deps, { ...p.ref, itemId: theirs, idempotencyKey: uniq('k-') }),
      'NOT_FOUND',
    );
    await expectDomainError(
      withdrawItem(deps, { ...p.ref, itemId: theirs, idempotencyKey: uniq('k-') }),
      'NOT_FOUND',
    );
    await expectDomainError(moveInBank(deps, { ...p.ref, itemId: theirs, toSlot: 5 }), 'NOT_FOUND');
    await expectDomainError(
      getBank(deps, { userId: p.userId, characterId: other.characterId }),
      'NOT_FOUND',
    );

    // full bank: shrink it to one slot that holds something else
    await db.user.update({ where: { id: other.userId }, data: { bankSlots: 1 } });
    const more = await give(db, other, 'pistol_unity');
    await expectDomainError(
      depositItem(deps, { ...other.ref, itemId: more, idempotencyKey: uniq('k-') }),
      'INVALID_STATE',
      'Your bank is full',
    );
    await expectDomainError(
      depositItem(deps, { ...other.ref, itemId: more, quantity: 2, idempotencyKey: uniq('k-') }),
      'VALIDATION',
    );
    // full bag on withdraw: nothing moves
    await db.character.update({ where: { id: other.characterId }, data: { bagSlots: 1 } });
    await expectDomainError(
      withdrawItem(deps, { ...other.ref, itemId: theirs, idempotencyKey: uniq('k-') }),
      'INVALID_STATE',
      'Your bag is full',
    );
    await expectDomainError(
      withdrawItem(deps, { ...other.ref, itemId: theirs, quantity: 4, idempotencyKey: uniq('k-') }),
      'VALIDATION',
    );
    expect(await bankLayout(other.ref)).toEqual([[0, 'stim_basic', 3]]);
    await expectBalanced(db, [p, other]);
  });
});
