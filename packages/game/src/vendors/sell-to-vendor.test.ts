// Selling to a vendor and buying back: a sale goes onto the character's buy-back shelf
// and comes back at the price paid (at any vendor, with its wear); the shelf keeps the
// last sales and destroys the oldest through the ledger; every refusal changes nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { BUYBACK_SLOTS } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { equipItem } from '../inventory/equip-item';
import { getInventory } from '../inventory/get-inventory';
import {
  expectBalanced,
  give,
  holdings,
  ledgerRows,
  testTemplate,
} from '../inventory/test-helpers';
import { fund } from '../progression/test-helpers';
import { buyBackFromVendor } from './buy-back-from-vendor';
import { getVendor } from './get-vendor';
import { sellToVendor } from './sell-to-vendor';
import { daysOf, expectUnchanged, moveTo, nextTo, setStanding, VIK, vikKit } from './test-helpers';

const db = testDb(4);
const deps = testDeps(db);
// a year of its own (buy-from-vendor.test.ts trades in 2102)
const day = daysOf(2107);
afterAll(() => db.$disconnect());
const { eddiesOf, bagOf, atVik } = vikKit(db, deps);

describe('sellToVendor and buyBackFromVendor', () => {
  it('sells a stack onto the buy-back shelf and buys it back at the same price', async () => {
    const noon = day(deps.clock);
    const p = await atVik({}, 10);
    const stims = await give(db, p, 'stim_basic', 8);
    const pistol = await give(db, p, 'pistol_unity');
    await db.item.update({ where: { id: pistol }, data: { durability: 80 } }); // 60 × 0.25 × 0.8 = 12
    let r = await sellToVendor(deps, {
      ...p.ref,
      ...VIK,
      itemId: pistol,
      idempotencyKey: uniq('k-'),
    });
    expect(r.eddiesDelta).toBe(12);
    expect(r.view.eddies).toBe(22);
    expect(r.view.buyback).toEqual([
      {
        itemId: pistol,
        templateId: 'pistol_unity',
        name: 'Unity Pistol',
        rarity: 'common',
        quantity: 1,
        price: 12,
        soldAt: noon,
      },
    ]);
    expect(r.view.sellPrices).toEqual({ [stims]: 3 });
    // the row itself moved: not in the bag, not counted as carried
    const pistolRow = await db.item.findUniqueOrThrow({
      where: { id: pistol },
      include: { buyback: true },
    });
    expect(pistolRow).toMatchObject({
      container: 'BUYBACK',
      slot: 0,
      characterId: p.characterId,
      durability: 80,
    });
    expect(pistolRow.buyback).toMatchObject({
      characterId: p.characterId,
      vendorId: 'vik_clinic',
      price: 12,
    });
    const inv = await getInventory(deps, p.ref);
    expect(inv.bag.map((i) => i.id)).toEqual([stims]);
    expect(inv.weight).toBeCloseTo(8 * 0.1, 5);

    // part of a stack: the sold part becomes its own row on the shelf
    deps.clock.advance(1_000);
    r = await sellToVendor(deps, {
      ...p.ref,
      ...VIK,
      itemId: stims,
      quantity: 5,
      idempotencyKey: uniq('k-'),
    });
    expect(r.eddiesDelta).toBe(15);
    expect(r.view.buyback.map((b) => [b.templateId, b.quantity, b.price])).toEqual([
      ['stim_basic', 5, 15],
      ['pistol_unity', 1, 12],
    ]);
    const soldStims = r.view.buyback[0]!.itemId;
    expect(soldStims).not.toBe(stims);
    expect(await bagOf(p.ref)).toEqual([[0, 'stim_basic', 3]]);
    expect(
      (await ledgerRows(db, stims))
        .map((x) => [x.reason, x.quantityDelta, x.fromOwner, x.toOwner])
        .at(-1),
    ).toEqual(['vendor', -5, `char:${p.characterId}`, `buyback:${p.characterId}`]);

    // buying back: exactly the price paid, whatever the standing is now; the stack merges back
    await setStanding(db, p, 'fixers', 21_000);
    r = await buyBackFromVendor(deps, { ...p.ref, ...VIK, itemId: soldStims });
    expect(r.eddiesDelta).toBe(-15);
    expect(r.view.eddies).toBe(22);
    expect(await bagOf(p.ref)).toEqual([[0, 'stim_basic', 8]]);
    // at another vendor too; the same row comes back with its wear
    await moveTo(db, p, nextTo('koji'));
    r = await buyBackFromVendor(deps, { ...p.ref, contactId: 'koji', itemId: pistol });
    expect(r.eddiesDelta).toBe(-12);
    expect(r.view.buyback).toEqual([]);
    expect(await db.item.findUniqueOrThrow({ where: { id: pistol } })).toMatchObject({
      container: 'BAG',
      durability: 80,
    });
    expect(await db.vendorBuyback.count({ where: { characterId: p.characterId } })).toBe(0);
    expect(await eddiesOf(p.characterId)).toBe(10);
    expect(await holdings(db, [p])).toEqual({ stim_basic: 8, pistol_unity: 1 });
    expect(
      (await ledgerRows(db, pistol)).map((x) => [
        x.reason,
        x.quantityDelta,
        x.fromOwner,
        x.toOwner,
      ]),
    ).toEqual([
      ['admin', 1, 'source:admin', `char:${p.characterId}`],
      ['vendor', 0, `char:${p.characterId}`, `buyback:${p.characterId}`],
      ['vendor', 0, `buyback:${p.characterId}`, `char:${p.characterId}`],
    ]);
    await expectBalanced(db, [p]);
  });

  it(`keeps the last ${BUYBACK_SLOTS} sales: the next one destroys the oldest through the ledger`, async () => {
    day(deps.clock);
    const p = await atVik();
    const sold: string[] = [];
    for (let i = 0; i < BUYBACK_SLOTS + 1; i++) {
      const scrap = await give(db, p, 'copper_wire', 1);
      deps.clock.advance(1_000);
      await sellToVendor(deps, { ...p.ref, ...VIK, itemId: scrap, idempotencyKey: uniq('k-') });
      sold.push(scrap);
    }
    const v = await getVendor(deps, { ...p.ref, ...VIK });
    expect(v.buyback.map((b) => b.itemId)).toEqual(sold.slice(1).reverse());
    expect(await db.item.findUnique({ where: { id: sold[0]! } })).toBeNull();
    expect(
      (await ledgerRows(db, sold[0]!))
        .map((x) => [x.reason, x.quantityDelta, x.fromOwner, x.toOwner])
        .at(-1),
    ).toEqual(['vendor', -1, `buyback:${p.characterId}`, 'sink:vendor']);
    // the freed slot is reused
    const slots = await db.item.findMany({
      where: { characterId: p.characterId, container: 'BUYBACK' },
      select: { slot: true },
    });
    expect(slots.map((s) => s.slot).sort((a, b) => a - b)).toEqual([
      ...Array(BUYBACK_SLOTS).keys(),
    ]);
    await expectBalanced(db, [p]);
  });

  it('refuses with nothing changed: equipped, quest, not-bought kinds, too many, others’ items, bag full, no eddies', async () => {
    day(deps.clock);
    const p = await atVik({ level: 3 });
    const other = await atVik();
    const jacket = await give(db, p, 'jacket_kevlar');
    await equipItem(deps, { ...p.ref, itemId: jacket });
    const keycard = await testTemplate(db, 'scrap_metal', {
      kind: 'quest',
      binding: 'pickup',
      value: 50,
    });
    const quest = await give(db, p, keycard.id);
    const pistol = await give(db, p, 'pistol_unity');
    const stims = await give(db, p, 'stim_basic', 2);
    const theirs = await give(db, other, 'stim_basic', 2);
    const sell = (itemId: string, o: { quantity?: number; contactId?: string } = {}) =>
      sellToVendor(deps, { ...p.ref, ...VIK, itemId, ...o, idempotencyKey: uniq('k-') });

    const refusals: [() => Promise<unknown>, string, string][] = [
      [() => sell(jacket), 'INVALID_STATE', 'Unequip that item first'],
      [() => sell(quest), 'INVALID_STATE', "Quest items can't be sold"],
      [() => sell(stims, { quantity: 3 }), 'VALIDATION', "You don't have that many"],
      [() => sell(theirs), 'NOT_FOUND', 'Item not found'],
      [() => sell('no-such-item'), 'NOT_FOUND', 'Item not found'],
    ];
    for (const [call, code, msg] of refusals)
      await expectUnchanged(db, p, deps.clock, () => expectDomainError(call(), code as never, msg));
    await moveTo(db, p, nextTo('koji'));
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(
        sell(pistol, { contactId: 'koji' }),
        'INVALID_STATE',
        "Koji's Noodle Cart doesn't buy that",
      ),
    );
    await moveTo(db, p, nextTo('vik'));

    // buy-back refusals
    const r = await sell(pistol);
    expect(r.eddiesDelta).toBe(15);
    await fund(db, p.characterId, -15); // spent elsewhere: the buy-back cannot be paid
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(
        buyBackFromVendor(deps, { ...p.ref, ...VIK, itemId: pistol }),
        'INVALID_STATE',
        'Not enough eddies',
      ),
    );
    await fund(db, p.characterId, 15);
    // the quest item holds slot 0 (the stims, in slot 2, stay outside a shrunk bag)
    await db.character.update({ where: { id: p.characterId }, data: { bagSlots: 1 } });
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(
        buyBackFromVendor(deps, { ...p.ref, ...VIK, itemId: pistol }),
        'INVALID_STATE',
        'Your bag is full',
      ),
    );
    // only one's own shelf, and only shelf items
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(
        buyBackFromVendor(deps, { ...other.ref, ...VIK, itemId: pistol }),
        'NOT_FOUND',
      ),
    );
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(buyBackFromVendor(deps, { ...p.ref, ...VIK, itemId: stims }), 'NOT_FOUND'),
    );
    // a shelf item is not a bag item: it cannot be sold, moved or destroyed as one
    await expectUnchanged(db, p, deps.clock, () => expectDomainError(sell(pistol), 'NOT_FOUND'));
    await moveTo(db, p, nextTo('regina'));
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(buyBackFromVendor(deps, { ...p.ref, ...VIK, itemId: pistol }), 'FORBIDDEN'),
    );
    await expectBalanced(db, [p, other]);
  });
});
