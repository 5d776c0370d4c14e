import { afterAll, describe, expect, it } from 'vitest';
import { INTERACT_RANGE, vendorBuyPrice, type ReputationTier } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { give, newPlayer } from '../inventory/test-helpers';
import { equipItem } from '../inventory/equip-item';
import { fund } from '../progression/test-helpers';
import { testTemplate } from '../inventory/test-helpers';
import { getVendor } from './get-vendor';
import { daysOf, moveTo, nextTo, setStanding } from './test-helpers';

const db = testDb(4);
const deps = testDeps(db);
const day = daysOf(2101);
afterAll(() => db.$disconnect());

const VIK = { contactId: 'vik' } as const;
const prices = async (ref: { userId: string; characterId: string }) =>
  Object.fromEntries(
    (await getVendor(deps, { ...ref, ...VIK })).stock.map((s) => [s.templateId, s.price]),
  );

describe('getVendor', () => {
  it("shows the stock at the character's prices, today's limited stock, and when it restocks", async () => {
    const noon = day(deps.clock);
    const p = await newPlayer(db);
    await moveTo(db, p, nextTo('vik'));
    await fund(db, p.characterId, 321);
    const v = await getVendor(deps, { ...p.ref, ...VIK });
    expect(v.vendor).toEqual({
      id: 'vik_clinic',
      name: "Viktor's Clinic",
      contactId: 'vik',
      contactName: 'Viktor Vektor',
    });
    expect(v.faction).toEqual({
      id: 'fixers',
      name: 'Fixer Network',
      tier: 'neutral',
      multiplier: 1,
    });
    // the optics need Friendly standing: not listed at Neutral
    expect(v.stock.map((s) => [s.templateId, s.price, s.left, s.dailyLimit])).toEqual([
      ['stim_basic', 15, null, null],
      ['stim_trauma', 90, null, null],
      ['inhaler_bounce_back', 40, 10, 10],
      ['cyber_lynx_paws', 220, 2, 2],
    ]);
    expect(v.stock[1]).toMatchObject({
      name: 'Trauma Stim',
      rarity: 'uncommon',
      kind: 'consumable',
      levelReq: 10,
    });
    expect(v.eddies).toBe(321);
    expect(v.buyback).toEqual([]);
    expect(v.sellPrices).toEqual({});
    // next 00:00 UTC
    expect(v.restocksAt).toBe(noon + 12 * 3_600_000);
  });

  it('prices by standing tier: discounts for friends, a mark-up for the unfriendly, hostile refuses', async () => {
    day(deps.clock);
    const p = await newPlayer(db);
    await moveTo(db, p, nextTo('vik'));
    const table: [number, ReputationTier, Record<string, number>][] = [
      [-1, 'unfriendly', { stim_basic: 17, inhaler_bounce_back: 44 }],
      [0, 'neutral', { stim_basic: 15, inhaler_bounce_back: 40, cyber_lynx_paws: 220 }],
      [
        3_000,
        'friendly',
        { stim_basic: 15, stim_trauma: 86, cyber_lynx_paws: 209, cyber_optics_kiroshi: 380 },
      ],
      [
        9_000,
        'honored',
        { stim_basic: 14, stim_trauma: 81, cyber_lynx_paws: 198, cyber_optics_kiroshi: 360 },
      ],
      [
        21_000,
        'revered',
        { stim_basic: 13, stim_trauma: 77, cyber_lynx_paws: 187, cyber_optics_kiroshi: 340 },
      ],
    ];
    for (const [standing, tier, expected] of table) {
      await setStanding(db, p, 'fixers', standing);
      const v = await getVendor(deps, { ...p.ref, ...VIK });
      expect(v.faction.tier).toBe(tier);
      expect(await prices(p.ref)).toMatchObject(expected);
      // every listed price is the rule's price for its value at this tier
      for (const s of v.stock)
        expect(s.price).toBe(
          vendorBuyPrice(
            {
              stim_basic: 15,
              stim_trauma: 90,
              inhaler_bounce_back: 40,
              cyber_lynx_paws: 220,
              cyber_optics_kiroshi: 400,
            }[s.templateId]!,
            v.faction.multiplier,
          ),
        );
      expect(v.stock.some((s) => s.templateId === 'cyber_optics_kiroshi')).toBe(standing >= 3_000);
    }
    await setStanding(db, p, 'fixers', -3_001);
    await expectDomainError(
      getVendor(deps, { ...p.ref, ...VIK }),
      'FORBIDDEN',
      "Viktor Vektor won't trade with you",
    );
  });

  it('lists what the vendor pays per unit for each bag item it buys, never quest items or equipped gear', async () => {
    day(deps.clock);
    const p = await newPlayer(db, { level: 5 });
    await moveTo(db, p, nextTo('vik'));
    const stims = await give(db, p, 'stim_basic', 4);
    const pistol = await give(db, p, 'pistol_unity');
    const scrap = await give(db, p, 'scrap_metal', 30);
    const jacket = await give(db, p, 'jacket_kevlar');
    await equipItem(deps, { ...p.ref, itemId: jacket });
    const keycard = await testTemplate(db, 'scrap_metal', {
      kind: 'quest',
      binding: 'pickup',
      value: 50,
    });
    const quest = await give(db, p, keycard.id);
    // worn gear pays in proportion to the durability left
    await db.item.update({ where: { id: pistol }, data: { durability: 50 } });

    const v = await getVendor(deps, { ...p.ref, ...VIK });
    expect(v.sellPrices).toEqual({ [stims]: 3, [pistol]: 7, [scrap]: 0 });
    expect(v.sellPrices[quest]).toBeUndefined();
    // Koji buys consumables, junk and materials only
    await moveTo(db, p, nextTo('koji'));
    const k = await getVendor(deps, { ...p.ref, contactId: 'koji' });
    expect(k.sellPrices).toEqual({ [stims]: 3, [scrap]: 0 });
    expect(k.stock.map((s) => [s.templateId, s.price])).toEqual([
      ['food_noodles', 4],
      ['drink_nicola', 3],
    ]);
  });

  it('needs the character next to the contact, in its zone', async () => {
    day(deps.clock);
    const p = await newPlayer(db); // Kabuki Market, far from Vik
    const refused = 'You need to be next to Viktor Vektor';
    await expectDomainError(getVendor(deps, { ...p.ref, ...VIK }), 'FORBIDDEN', refused);
    await moveTo(db, p, { x: 416 + INTERACT_RANGE - 0.01, y: 262 });
    await getVendor(deps, { ...p.ref, ...VIK });
    await moveTo(db, p, { x: 416, y: 262 + INTERACT_RANGE + 0.01 });
    await expectDomainError(getVendor(deps, { ...p.ref, ...VIK }), 'FORBIDDEN', refused);
    // the same spot in another district does not count
    await moveTo(db, p, { zoneId: 'westbrook', x: 418, y: 262 });
    await expectDomainError(getVendor(deps, { ...p.ref, ...VIK }), 'FORBIDDEN', refused);
  });

  it("refuses unknown contacts, contacts who don't trade, someone else's or a deleted character, bad input", async () => {
    day(deps.clock);
    const p = await newPlayer(db);
    const other = await newPlayer(db);
    await moveTo(db, p, nextTo('vik'));
    await moveTo(db, other, nextTo('vik'));
    await expectDomainError(
      getVendor(deps, { ...p.ref, contactId: 'nobody_here' }),
      'NOT_FOUND',
      'Unknown contact',
    );
    await moveTo(db, p, nextTo('regina'));
    await expectDomainError(
      getVendor(deps, { ...p.ref, contactId: 'regina' }),
      'INVALID_STATE',
      "Regina Jones doesn't trade",
    );
    await expectDomainError(
      getVendor(deps, { characterId: 'no-such-character', ...VIK }),
      'NOT_FOUND',
      'Character not found',
    );
    await db.character.update({
      where: { id: other.characterId },
      data: { deletedAt: new Date() },
    });
    await expectDomainError(getVendor(deps, { ...other.ref, ...VIK }), 'NOT_FOUND');
    for (const bad of [
      { ...p.ref, contactId: '' },
      { ...p.ref, contactId: 'Vik; DROP' },
      { ...p.ref, contactId: 'x'.repeat(65) },
      { characterId: '', ...VIK },
      { ...VIK },
    ])
      await expectDomainError(getVendor(deps, bad as never), 'VALIDATION');
  });
});
