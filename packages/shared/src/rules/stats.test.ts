import { describe, expect, it } from 'vitest';
import {
  ItemTemplateSchema,
  type ItemTemplate,
  type ItemTemplateInput,
} from '../content/item-schema';
import { itemTemplateById } from '../content/items';
import {
  deriveStats,
  encumbrance,
  maxHealthFor,
  MIN_ENCUMBRANCE_FACTOR,
  UNARMED,
  damageAttribute,
} from './stats';

const attrs = { body: 6, reflexes: 5, technical: 4, intelligence: 8, cool: 5 };
const tpl = (o: Partial<ItemTemplateInput>): ItemTemplate =>
  ItemTemplateSchema.parse({
    id: 'x',
    name: 'Test',
    description: '',
    kind: 'armor',
    slot: 'body',
    rarity: 'common',
    levelReq: 1,
    stackSize: 1,
    weight: 1,
    value: 1,
    binding: 'none',
    maxDurability: 10,
    glyph: 'x',
    ...o,
  });
const get = (id: string) => {
  const t = itemTemplateById(id);
  if (!t) throw new Error(id);
  return t;
};

describe('deriveStats', () => {
  it('fights unarmed with base fist damage scaled by Body', () => {
    const s = deriveStats({ attributes: attrs, level: 1, equipped: [] });
    const mult = 1 + 0.03 * attrs.body;
    expect(s).toMatchObject({
      maxHealth: maxHealthFor(attrs, 1),
      damageMin: Math.round(UNARMED.damageMin * mult),
      damageMax: Math.round(UNARMED.damageMax * mult),
      damageType: 'physical',
      range: UNARMED.range,
      attackSpeed: 1.58, // 1.5 × (1 + 0.05)
      critChance: 0.1, // 5 % + 5 × 1 %
      armor: 3,
      carryWeight: 40 + 5 * 6,
      moveSpeed: 1,
    });
    // Intelligence 8 → 2 electrical resist; Body 6 → 1 chemical resist
    expect(s.resist).toEqual({ physical: 0, thermal: 0, electrical: 2, chemical: 1 });
  });

  it('keeps maxHealthFor as the no-gear health formula', () => {
    expect(maxHealthFor({ body: 8 }, 1)).toBe(130);
    expect(deriveStats({ attributes: attrs, level: 10, equipped: [] }).maxHealth).toBe(
      maxHealthFor(attrs, 10),
    );
  });

  it('uses the equipped weapon, scaled by Reflexes for guns', () => {
    const pistol = get('pistol_unity');
    const s = deriveStats({ attributes: attrs, level: 1, equipped: [pistol] });
    const mult = 1 + 0.03 * attrs.reflexes;
    expect(s.damageMin).toBe(Math.round(pistol.stats!.damageMin! * mult));
    expect(s.damageMax).toBe(Math.round(pistol.stats!.damageMax! * mult));
    expect(s.range).toBe(pistol.stats!.range);
    expect(s.attackSpeed).toBe(2.1);
  });

  it('scales tech damage by Intelligence (electrical) and Technical (thermal, chemical)', () => {
    expect(damageAttribute({ damageType: 'electrical', range: 20 })).toBe('intelligence');
    expect(damageAttribute({ damageType: 'thermal', range: 1 })).toBe('technical');
    expect(damageAttribute({ damageType: 'chemical', range: 20 })).toBe('technical');
    expect(damageAttribute({ damageType: 'physical', range: 2 })).toBe('body');
    expect(damageAttribute({ damageType: 'physical', range: 20 })).toBe('reflexes');
  });

  it('adds armour, resistances, health, crit, carry, speed and attribute bonuses from gear', () => {
    const vest = tpl({
      stats: {
        armor: 10,
        resist: { thermal: 4 },
        maxHealth: 15,
        critChance: 0.02,
        carryWeight: 12,
        moveSpeed: -0.05,
        attributes: { body: 2, cool: -10 },
      },
    });
    const s = deriveStats({ attributes: attrs, level: 1, equipped: [vest] });
    expect(s.attributes).toEqual({ ...attrs, body: 8, cool: 1 }); // never below 1
    expect(s.armor).toBe(4 + 10);
    expect(s.resist.thermal).toBe(4);
    expect(s.resist.chemical).toBe(2);
    expect(s.maxHealth).toBe(maxHealthFor({ body: 8 }, 1) + 15);
    expect(s.critChance).toBe(0.08);
    expect(s.carryWeight).toBe(40 + 40 + 12);
    expect(s.moveSpeed).toBe(0.95);
  });

  it('caps crit chance', () => {
    const lucky = tpl({ stats: { critChance: 1 } });
    expect(deriveStats({ attributes: attrs, level: 1, equipped: [lucky] }).critChance).toBe(0.75);
  });

  it('ignores an off-hand item for damage', () => {
    const shield = tpl({ slot: 'off_hand', stats: { armor: 5 } });
    expect(deriveStats({ attributes: attrs, level: 1, equipped: [shield] }).damageMin).toBe(
      deriveStats({ attributes: attrs, level: 1, equipped: [] }).damageMin,
    );
  });
});

describe('encumbrance', () => {
  it('is 1 up to the limit, falls linearly beyond, never below the floor', () => {
    expect(encumbrance(0, 70)).toBe(1);
    expect(encumbrance(70, 70)).toBe(1);
    expect(encumbrance(105, 70)).toBeCloseTo(0.5);
    expect(encumbrance(1000, 70)).toBe(MIN_ENCUMBRANCE_FACTOR);
    expect(encumbrance(1, 0)).toBe(MIN_ENCUMBRANCE_FACTOR);
  });
});
