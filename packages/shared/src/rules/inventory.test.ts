import { describe, expect, it } from 'vitest';
import { itemTemplateById } from '../content/items';
import {
  blocksOffHand,
  canStack,
  carriedWeight,
  equipmentSlotsFor,
  equipRefusal,
  repairCost,
  stackSpace,
  BANK_RANGE,
  DROP_DESPAWN_MS,
  DROP_OWNER_MS,
} from './inventory';

const stim = { templateId: 'stim_basic', quantity: 5 };

describe('stacking', () => {
  it('stacks the same stackable template with the same binding', () => {
    expect(canStack(stim, { ...stim, quantity: 19 })).toBe(true);
    expect(canStack(stim, { templateId: 'scrap_metal', quantity: 1 })).toBe(false);
    expect(canStack(stim, { ...stim, boundCharacterId: 'c1' })).toBe(false);
    expect(canStack({ ...stim, boundCharacterId: 'c1' }, { ...stim, boundCharacterId: 'c1' })).toBe(
      true,
    );
  });
  it('never stacks equipment or items with durability', () => {
    const p = { templateId: 'pistol_unity', quantity: 1, durability: 100 };
    expect(canStack(p, p)).toBe(false);
    expect(canStack({ ...p, durability: null }, { ...p, durability: null })).toBe(false);
  });
  it('counts room left on a stack', () => {
    expect(stackSpace(stim)).toBe(15);
    expect(stackSpace({ templateId: 'scrap_metal', quantity: 99 })).toBe(0);
    expect(stackSpace({ templateId: 'x', quantity: 1 }, 10)).toBe(9);
  });
});

describe('repairCost', () => {
  const t = { value: 100, maxDurability: 50 };
  it('is proportional to missing durability, at least 1, zero when full or not durable', () => {
    expect(repairCost(t, 50)).toBe(0);
    expect(repairCost(t, 0)).toBe(50);
    expect(repairCost(t, 25)).toBe(25);
    expect(repairCost(t, 49)).toBe(1);
    expect(repairCost({ value: 100 }, null)).toBe(0);
  });
});

describe('equipment rules', () => {
  it('maps template slots to equipment slots', () => {
    expect(equipmentSlotsFor('two_hand')).toEqual(['main_hand']);
    expect(equipmentSlotsFor('cyberware')).toEqual(['cyber_1', 'cyber_2']);
    expect(equipmentSlotsFor('head')).toEqual(['head']);
    expect(blocksOffHand('two_hand')).toBe(true);
    expect(blocksOffHand('main_hand')).toBe(false);
  });
  it('refuses under-levelled, wrong-class and non-equippable items', () => {
    const base = { name: 'X', slot: 'head' as const, levelReq: 5 };
    expect(equipRefusal(base, { level: 4, class: 'solo' })).toMatch(/level 5/);
    expect(equipRefusal(base, { level: 5, class: 'solo' })).toBeNull();
    expect(equipRefusal({ ...base, classReq: ['netrunner'] }, { level: 9, class: 'solo' })).toMatch(
      /netrunner/,
    );
    expect(equipRefusal({ ...base, slot: undefined }, { level: 9, class: 'solo' })).toMatch(
      /cannot be equipped/,
    );
  });
});

describe('constants and weight', () => {
  it('has the contract values', () => {
    expect(BANK_RANGE).toBe(6);
    expect(DROP_OWNER_MS).toBe(60_000);
    expect(DROP_DESPAWN_MS).toBe(300_000);
  });
  it('sums weight × quantity', () => {
    const scrap = itemTemplateById('scrap_metal')!;
    expect(
      carriedWeight([
        { quantity: 10, template: scrap },
        { quantity: 1, template: { weight: 1.25 } },
      ]),
    ).toBe(3.25);
  });
});
