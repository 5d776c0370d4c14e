// An item held in a trade (Item.reservation) cannot be moved, split, merged into,
// equipped, used, destroyed, banked or handed in — by any path: the domain refuses it
// first, and the database's Item_reserved_guard trigger refuses what a path forgets.
import { uniq } from '@necp/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { depositItem } from '../bank/deposit-item';
import { inTransaction } from '../core/transaction';
import { tradeReservation } from '../core/item-reserved';
import { destroyItem } from './destroy-item';
import { equipItem } from './equip-item';
import { getInventory } from './get-inventory';
import { grantItem } from './grant-item';
import { moveItem } from './move-item';
import { splitStack } from './split-stack';
import { useItem } from './use-item';
import { zoneById } from '@necp/shared';
import { dropItemToGround } from '../loot/drop-item-to-ground';
import { recordCurrency } from '../ledger/record-currency';
import { sendMail } from '../mail/send-mail';
import { sellToVendor } from '../vendors/sell-to-vendor';
import { moveTo, nextTo } from '../vendors/test-helpers';
import { expectBalanced, give, newPlayer } from './test-helpers';

const db = testDb(4);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

const REFUSED = 'That item is held by a trade or a craft: finish or cancel it first.';
const hold = (itemId: string, tradeId = 'tr1') =>
  db.item.update({ where: { id: itemId }, data: { reservation: tradeReservation(tradeId) } });
const release = (itemId: string) =>
  db.item.update({ where: { id: itemId }, data: { reservation: null } });

describe('a reserved item', () => {
  it('is refused by every inventory operation, and free again once released', async () => {
    const p = await newPlayer(db, { atBank: true });
    const stims = await give(db, p, 'stim_basic', 6);
    const pistol = await give(db, p, 'pistol_unity');
    await hold(stims);
    await hold(pistol);
    await expectDomainError(
      moveItem(deps, { ...p.ref, itemId: stims, toSlot: 9 }),
      'INVALID_STATE',
      REFUSED,
    );
    await expectDomainError(
      splitStack(deps, { ...p.ref, itemId: stims, quantity: 2, toSlot: 9 }),
      'INVALID_STATE',
      REFUSED,
    );
    await expectDomainError(
      destroyItem(deps, { ...p.ref, itemId: stims }),
      'INVALID_STATE',
      REFUSED,
    );
    await expectDomainError(
      equipItem(deps, { ...p.ref, itemId: pistol }),
      'INVALID_STATE',
      REFUSED,
    );
    await expectDomainError(
      useItem(deps, {
        characterId: p.characterId,
        itemId: stims,
        zoneId: 'watson',
        x: 281,
        y: 242,
      }),
      'INVALID_STATE',
      REFUSED,
    );
    await expectDomainError(
      depositItem(deps, { ...p.ref, itemId: stims, idempotencyKey: uniq('k-') }),
      'INVALID_STATE',
      REFUSED,
    );
    // another item moved onto a held one's slot: the held one neither swaps nor merges
    const other = await give(db, p, 'pistol_unity');
    const pistolSlot = (await db.item.findUniqueOrThrow({ where: { id: pistol } })).slot;
    await expectDomainError(
      moveItem(deps, { ...p.ref, itemId: other, toSlot: pistolSlot }),
      'INVALID_STATE',
      REFUSED,
    );
    // nothing changed
    const bag = (await getInventory(deps, p.ref)).bag;
    expect(bag.find((i) => i.id === stims)?.quantity).toBe(6);
    await release(stims);
    await moveItem(deps, { ...p.ref, itemId: stims, toSlot: 9 });
    expect((await db.item.findUniqueOrThrow({ where: { id: stims } })).slot).toBe(9);
    await release(pistol);
    await expectBalanced(db, [p]);
  });

  it('cannot be sold, mailed or dropped', async () => {
    const p = await newPlayer(db, { level: 5 });
    const other = await newPlayer(db);
    const jacket = await give(db, p, 'jacket_kevlar');
    await hold(jacket);
    deps.clock.set(Date.UTC(2105, 0, 1, 12)); // noon: the vendor is open
    await moveTo(db, p, nextTo('vik'));
    await expectDomainError(
      sellToVendor(deps, {
        ...p.ref,
        contactId: 'vik',
        itemId: jacket,
        idempotencyKey: uniq('k-'),
      }),
      'INVALID_STATE',
      REFUSED,
    );
    await expectDomainError(
      dropItemToGround(deps, {
        characterId: p.characterId,
        itemId: jacket,
        zoneId: 'watson',
        x: 1,
        y: 1,
      }),
      'INVALID_STATE',
      REFUSED,
    );
    const terminal = zoneById('watson')!.spawnPoints.find((s) => s.kind === 'mail_terminal')!;
    await moveTo(db, p, { zoneId: 'watson', x: terminal.x + 1, y: terminal.y + 1 });
    const to = await db.character.findUniqueOrThrow({ where: { id: other.characterId } });
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: p.characterId, delta: 50 }),
    );
    await expectDomainError(
      sendMail(deps, {
        characterId: p.characterId,
        idempotencyKey: uniq('mail-'),
        to: to.name,
        subject: 'for you',
        attachments: [{ itemId: jacket }],
      }),
      'INVALID_STATE',
      REFUSED,
    );
    expect(await db.item.findUniqueOrThrow({ where: { id: jacket } })).toMatchObject({
      characterId: p.characterId,
      container: 'BAG',
    });
    await release(jacket);
    await expectBalanced(db, [p, other]);
  });

  it('takes no more: loot of its kind goes to another stack or slot', async () => {
    const p = await newPlayer(db);
    const held = await give(db, p, 'stim_basic', 3);
    await hold(held);
    const placed = await grantItem(
      { db },
      { characterId: p.characterId, templateId: 'stim_basic', quantity: 4, reason: 'admin' },
    );
    expect(placed.map((x) => x.itemId)).not.toContain(held);
    expect((await db.item.findUniqueOrThrow({ where: { id: held } })).quantity).toBe(3);
    await release(held);
    await expectBalanced(db, [p]);
  });

  it('is guarded by the database too: a write that skips the checks is refused whole', async () => {
    const p = await newPlayer(db);
    const stims = await give(db, p, 'stim_basic', 5);
    await hold(stims, 'tr-a');
    await expect(db.item.update({ where: { id: stims }, data: { quantity: 50 } })).rejects.toThrow(
      /item_reserved/,
    );
    await expect(db.item.delete({ where: { id: stims } })).rejects.toThrow(/item_reserved/);
    // held by one trade, it cannot be taken by another
    await expect(hold(stims, 'tr-b')).rejects.toThrow(/item_reserved/);
    // inside a domain transaction the refusal is the domain's, and nothing of it is written
    const before = await db.ledgerEntry.count({ where: { characterId: p.characterId } });
    await expectDomainError(
      inTransaction(db, async (tx) => {
        await tx.ledgerEntry.create({
          data: { reason: 'admin', characterId: p.characterId, eddiesDelta: 0, balanceAfter: 0 },
        });
        await tx.item.update({ where: { id: stims }, data: { slot: 30 } });
      }),
      'INVALID_STATE',
      REFUSED,
    );
    expect(await db.ledgerEntry.count({ where: { characterId: p.characterId } })).toBe(before);
    // releasing it, with a move in the same statement (a settlement), is allowed
    await db.item.update({ where: { id: stims }, data: { reservation: null, slot: 12 } });
    expect((await db.item.findUniqueOrThrow({ where: { id: stims } })).slot).toBe(12);
    await expectBalanced(db, [p]);
  });
});
