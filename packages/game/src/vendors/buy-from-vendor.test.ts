// Buying from a vendor: the price through the ledger, the items into the bag, the
// standing discount; and every refusal (eddies, a full bag, a stale price, not sold
// here, standing, someone else's character, range, bad input) changing nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { expectBalanced, give } from '../inventory/test-helpers';
import { fund } from '../progression/test-helpers';
import { buyFromVendor } from './buy-from-vendor';
import { daysOf, expectUnchanged, moveTo, nextTo, setStanding, VIK, vikKit } from './test-helpers';

const db = testDb(4);
const deps = testDeps(db);
const day = daysOf(2102);
afterAll(() => db.$disconnect());
const { eddiesOf, bagOf, atVik } = vikKit(db, deps);

describe('buyFromVendor', () => {
  it('takes the price through the ledger and puts the items into the bag (level requirements do not block)', async () => {
    day(deps.clock);
    const p = await atVik({}, 1_000);
    const r = await buyFromVendor(deps, {
      ...p.ref,
      ...VIK,
      templateId: 'stim_trauma', // level 10 item, level 1 buyer
      quantity: 3,
      expectedPrice: 90,
      idempotencyKey: uniq('k-'),
    });
    expect(r.eddiesDelta).toBe(-270);
    expect(r.view.eddies).toBe(730);
    expect(await eddiesOf(p.characterId)).toBe(730);
    expect(await bagOf(p.ref)).toEqual([[0, 'stim_trauma', 3]]);
    // unlimited stock writes no stock row
    expect(
      await db.vendorStock.count({ where: { vendorId: 'vik_clinic', templateId: 'stim_trauma' } }),
    ).toBe(0);
    const rows = await db.ledgerEntry.findMany({
      where: {
        OR: [
          { characterId: p.characterId, reason: 'vendor' },
          { toOwner: `char:${p.characterId}`, reason: 'vendor' },
        ],
      },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((x) => [x.eddiesDelta, x.quantityDelta, x.fromOwner, x.toOwner])).toEqual([
      [-270, 0, null, null],
      [0, 3, 'source:vendor', `char:${p.characterId}`],
    ]);
    expect(rows[0]!.ref).toBe(rows[1]!.ref);
    // standing discount applies; stacks top up
    await setStanding(db, p, 'fixers', 21_000);
    const again = await buyFromVendor(deps, {
      ...p.ref,
      ...VIK,
      templateId: 'stim_trauma',
      quantity: 2,
      idempotencyKey: uniq('k-'),
    });
    expect(again.eddiesDelta).toBe(-154);
    expect(await bagOf(p.ref)).toEqual([[0, 'stim_trauma', 5]]);
    await expectBalanced(db, [p]);
  });

  it('refuses with nothing changed: not enough eddies, a full bag, a stale price, not sold here, above standing', async () => {
    day(deps.clock);
    const p = await atVik({ bagSlots: 1 }, 100);
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(
        buyFromVendor(deps, {
          ...p.ref,
          ...VIK,
          templateId: 'stim_trauma',
          quantity: 2,
          idempotencyKey: uniq('k-'),
        }),
        'INVALID_STATE',
        'Not enough eddies',
      ),
    );
    await give(db, p, 'scrap_metal', 5);
    // limited stock too: the refused purchase takes none of today's units
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(
        buyFromVendor(deps, {
          ...p.ref,
          ...VIK,
          templateId: 'inhaler_bounce_back',
          quantity: 1,
          idempotencyKey: uniq('k-'),
        }),
        'INVALID_STATE',
        'Your bag is full',
      ),
    );
    expect(await db.vendorStock.count({ where: { periodKey: 'd:2102-01-02' } })).toBe(0);
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(
        buyFromVendor(deps, {
          ...p.ref,
          ...VIK,
          templateId: 'stim_basic',
          quantity: 1,
          expectedPrice: 14,
          idempotencyKey: uniq('k-'),
        }),
        'CONFLICT',
        'The price changed',
      ),
    );
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(
        buyFromVendor(deps, {
          ...p.ref,
          ...VIK,
          templateId: 'food_noodles',
          quantity: 1,
          idempotencyKey: uniq('k-'),
        }),
        'NOT_FOUND',
        "Viktor's Clinic doesn't sell that",
      ),
    );
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(
        buyFromVendor(deps, {
          ...p.ref,
          ...VIK,
          templateId: 'cyber_optics_kiroshi',
          quantity: 1,
          idempotencyKey: uniq('k-'),
        }),
        'FORBIDDEN',
        "Viktor's Clinic sells that only at Friendly standing with Fixer Network",
      ),
    );
    // at Friendly the optics are sold (binding on equip, not on purchase)
    await setStanding(db, p, 'fixers', 3_000);
    await fund(db, p.characterId, 300);
    await db.character.update({ where: { id: p.characterId }, data: { bagSlots: 30 } });
    await buyFromVendor(deps, {
      ...p.ref,
      ...VIK,
      templateId: 'cyber_optics_kiroshi',
      quantity: 1,
      expectedPrice: 380,
      idempotencyKey: uniq('k-'),
    });
    const optics = await db.item.findFirstOrThrow({
      where: { characterId: p.characterId, templateId: 'cyber_optics_kiroshi' },
    });
    expect(optics.boundCharacterId).toBeNull();
    await expectBalanced(db, [p]);
  });

  it('refuses a deleted character, out of range, hostile, bad input — nothing changes', async () => {
    day(deps.clock);
    const p = await atVik({}, 500);
    const other = await atVik({}, 500);
    const buy = { ...VIK, templateId: 'stim_basic', quantity: 1 };
    await db.character.update({
      where: { id: other.characterId },
      data: { deletedAt: new Date() },
    });
    await expectUnchanged(db, other, deps.clock, () =>
      expectDomainError(
        buyFromVendor(deps, { ...other.ref, ...buy, idempotencyKey: uniq('k-') }),
        'NOT_FOUND',
      ),
    );
    await moveTo(db, p, nextTo('koji'));
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(
        buyFromVendor(deps, { ...p.ref, ...buy, idempotencyKey: uniq('k-') }),
        'FORBIDDEN',
        'You need to be next to Viktor Vektor',
      ),
    );
    await expectDomainError(
      buyFromVendor(deps, { ...p.ref, ...buy, contactId: 'regina', idempotencyKey: uniq('k-') }),
      'INVALID_STATE',
    );
    await moveTo(db, p, nextTo('vik'));
    await setStanding(db, p, 'fixers', -10_000);
    await expectUnchanged(db, p, deps.clock, () =>
      expectDomainError(
        buyFromVendor(deps, { ...p.ref, ...buy, idempotencyKey: uniq('k-') }),
        'FORBIDDEN',
        "Viktor Vektor won't trade with you",
      ),
    );
    for (const bad of [
      { quantity: 0 },
      { quantity: 100 },
      { quantity: 1.5 },
      { templateId: 'Stim' },
      { expectedPrice: -1 },
    ])
      await expectUnchanged(db, other, deps.clock, () =>
        expectDomainError(
          buyFromVendor(deps, { ...other.ref, ...buy, ...bad, idempotencyKey: uniq('k-') }),
          'VALIDATION',
        ),
      );
  });
});
