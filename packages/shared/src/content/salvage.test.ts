import { describe, expect, it } from 'vitest';
import { RARITIES } from './item-schema';
import { ITEM_TEMPLATES, itemTemplateById } from './items';
import { SALVAGEABLE_KINDS, SalvageTableSchema } from './salvage-schema';
import { SALVAGE_TABLES, SALVAGE_TABLE_INPUTS, salvageTableById, salvageTableFor } from './salvage';

describe('salvage content', () => {
  it('has one table per salvageable kind and rarity, yielding materials only', () => {
    expect(SALVAGE_TABLES).toHaveLength(SALVAGE_TABLE_INPUTS.length);
    expect(SALVAGE_TABLES.map((t) => t.id).toSorted()).toEqual(
      SALVAGEABLE_KINDS.flatMap((k) => RARITIES.map((r) => `${k}_${r}`)).toSorted(),
    );
    for (const t of SALVAGE_TABLES)
      for (const y of t.yields)
        expect(itemTemplateById(y.templateId)?.kind, `${t.id} ${y.templateId}`).toBe('material');
  });

  it('finds the table of every weapon, armour and cyberware template', () => {
    for (const t of ITEM_TEMPLATES.filter((t) => t.slot !== undefined)) {
      const table = salvageTableFor(t);
      expect(table, t.id).toMatchObject({ kind: t.kind, rarity: t.rarity });
    }
    expect(salvageTableFor(itemTemplateById('katana_tsumetogi')!)).toBe(
      salvageTableById('weapon_rare'),
    );
  });

  it('returns null for what cannot be salvaged: consumables, materials, junk, quest items', () => {
    const others = ITEM_TEMPLATES.filter((t) => t.slot === undefined);
    expect(new Set(others.map((t) => t.kind))).toEqual(
      new Set(['consumable', 'material', 'junk', 'quest']),
    );
    for (const t of others) expect(salvageTableFor(t), t.id).toBeNull();
  });

  it('refuses malformed tables', () => {
    const ok = { id: 'weapon_common', kind: 'weapon', rarity: 'common', yields: [] };
    const bad = [
      ok, // no yields
      { ...ok, id: 'weapon_rare', yields: [{ templateId: 'scrap_metal', min: 1, max: 1 }] },
      { ...ok, yields: [{ templateId: 'scrap_metal', min: 3, max: 2 }] },
      { ...ok, yields: [{ templateId: 'scrap_metal', min: 1, max: 2, chance: 0 }] },
      {
        ...ok,
        yields: [
          { templateId: 'scrap_metal', min: 1, max: 2 },
          { templateId: 'scrap_metal', min: 1, max: 1 },
        ],
      },
      { ...ok, kind: 'consumable', id: 'consumable_common' },
    ];
    for (const t of bad)
      expect(SalvageTableSchema.safeParse(t).success, JSON.stringify(t)).toBe(false);
    expect(
      SalvageTableSchema.parse({ ...ok, yields: [{ templateId: 'scrap_metal', min: 1, max: 2 }] })
        .yields[0]?.chance,
    ).toBe(1);
  });
});
