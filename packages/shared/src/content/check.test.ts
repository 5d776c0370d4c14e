import { describe, expect, it } from 'vitest';
import { checkContent, formatContentProblems, shippedContent, type ContentToCheck } from './check';
import { ITEM_TEMPLATES, itemTemplateById } from './items';
import { LOOT_TABLES } from './loot-tables';
import { RARITIES, TEMPLATE_SLOTS, DAMAGE_TYPES } from './item-schema';
import { SKILLS } from './skills';
import { npcTemplateById } from './npcs';

const base = (): ContentToCheck => shippedContent();
/** Fixtures that replace the loot tables drop the shipped NPCs (they name shipped tables). */
const messages = (c: Partial<ContentToCheck>) =>
  formatContentProblems(
    checkContent({ ...base(), ...(c.lootTables && !c.npcs ? { npcs: [] } : {}), ...c }),
  );

describe('shipped content', () => {
  it('has no problems', () => {
    expect(formatContentProblems(checkContent())).toEqual([]);
  });

  it('is broad enough: ≥ 60 templates, every rarity, slot and damage type, levels 1–50', () => {
    expect(ITEM_TEMPLATES.length).toBeGreaterThanOrEqual(60);
    for (const r of RARITIES)
      expect(
        ITEM_TEMPLATES.some((t) => t.rarity === r),
        r,
      ).toBe(true);
    for (const s of TEMPLATE_SLOTS)
      expect(
        ITEM_TEMPLATES.some((t) => t.slot === s),
        s,
      ).toBe(true);
    const weapons = ITEM_TEMPLATES.filter((t) => t.kind === 'weapon');
    for (const d of DAMAGE_TYPES)
      expect(
        weapons.some((t) => t.stats?.damageType === d),
        d,
      ).toBe(true);
    const levels = ITEM_TEMPLATES.map((t) => t.levelReq);
    expect(Math.min(...levels)).toBe(1);
    expect(Math.max(...levels)).toBe(50);
    expect(ITEM_TEMPLATES.some((t) => t.classReq?.length)).toBe(true);
    for (const b of ['none', 'pickup', 'equip'])
      expect(
        ITEM_TEMPLATES.some((t) => t.binding === b),
        b,
      ).toBe(true);
    expect(SKILLS.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps the ids other domains and tests rely on', () => {
    expect(itemTemplateById('pistol_unity')).toMatchObject({ slot: 'main_hand', rarity: 'common' });
    expect(itemTemplateById('pistol_unity')?.maxDurability).toBeGreaterThan(0);
    expect(itemTemplateById('jacket_kevlar')).toMatchObject({ kind: 'armor', slot: 'body' });
    expect(itemTemplateById('stim_basic')).toMatchObject({ kind: 'consumable', stackSize: 20 });
    expect(itemTemplateById('scrap_metal')).toMatchObject({ kind: 'material', stackSize: 99 });
    expect(itemTemplateById('cyber_optics_kiroshi')).toMatchObject({ kind: 'cyberware' });
    expect(LOOT_TABLES.map((t) => t.id)).toContain('crate_watson_common');
  });
});

describe('checkContent reports broken content', () => {
  const item = itemTemplateById('scrap_metal')!;

  it('a loot table naming a missing item or table, and a zone naming a missing table', () => {
    expect(
      messages({
        lootTables: [
          { id: 'a', guaranteed: [{ item: 'no_such_item' }], groups: [] },
          { id: 'b', groups: [{ entries: [{ table: 'no_such_table', weight: 1 }] }] },
        ],
        zoneLootRefs: [{ zoneId: 'watson', spawnId: 'crate-1', lootTable: 'gone' }],
      }),
    ).toEqual([
      'loot a: guaranteed[0]: unknown item no_such_item',
      'loot b: groups[0].entries[0]: unknown table no_such_table',
      'zone watson: spawn point crate-1: unknown loot table gone',
    ]);
  });

  it('cycles between tables', () => {
    expect(
      messages({
        lootTables: [
          { id: 'a', guaranteed: [{ table: 'b' }] },
          { id: 'b', groups: [{ entries: [{ table: 'c', weight: 1 }] }] },
          { id: 'c', guaranteed: [{ table: 'a' }] },
          { id: 'self', guaranteed: [{ table: 'self' }] },
        ],
        zoneLootRefs: [],
      }),
    ).toEqual(['loot a: cycle a → b → c → a', 'loot self: cycle self → self']);
  });

  it('impossible level ranges and entries that can never drop', () => {
    expect(
      messages({
        lootTables: [
          { id: 'a', condition: { minLevel: 30, maxLevel: 10 } },
          {
            id: 'b',
            condition: { maxLevel: 10 },
            guaranteed: [{ item: 'scrap_metal', condition: { minLevel: 20 } }],
            groups: [
              { condition: { minLevel: 11 }, entries: [{ item: 'scrap_metal', weight: 1 }] },
            ],
          },
        ],
        zoneLootRefs: [],
      }),
    ).toEqual([
      'loot a: impossible level range 30–10',
      'loot b: guaranteed[0]: can never drop (level range 20–10)',
      'loot b: groups[0]: can never drop (level range 11–10)',
    ]);
  });

  it('pools with no template in their level window', () => {
    expect(
      messages({
        lootTables: [
          {
            id: 'p',
            condition: { maxLevel: 3 },
            guaranteed: [{ pool: { kind: 'weapon', minRarity: 'legendary' } }],
          },
        ],
        zoneLootRefs: [],
      }),
    ).toEqual(['loot p: guaranteed[0]: pool weapon has no template at level(s) 1,2,3']);
  });

  it('duplicate ids, schema violations and incomplete weapons', () => {
    const weapon = itemTemplateById('pistol_unity')!;
    const out = messages({
      items: [
        item,
        item,
        { ...item, id: 'heavy_stack', slot: 'head' },
        { ...weapon, id: 'no_damage', stats: { damageMin: 1, damageMax: 2 } },
      ],
      lootTables: [{ id: 'x' }, { id: 'x' }, { id: 'bad', currency: { min: 9, max: 1 } }],
      zoneLootRefs: [],
    });
    expect(out).toContain('item scrap_metal: duplicate id');
    expect(out.some((m) => m.startsWith('item heavy_stack: '))).toBe(true);
    expect(out).toContain('item no_damage: weapon needs stats.damageType');
    expect(out).toContain('loot x: duplicate id');
    expect(out).toContain('loot bad: currency min exceeds max');
  });

  it('perk thresholds out of order and duplicate perks', () => {
    const perk = (id: string, level: number) => ({
      id,
      name: `Perk ${id}`,
      level,
      description: '',
    });
    expect(
      messages({
        skills: [
          {
            id: 's',
            name: 'Skill',
            description: '',
            attribute: 'cool',
            perks: [perk('a', 5), perk('b', 3), perk('a', 9)],
          },
        ],
      }),
    ).toEqual([
      'skill s: perk b (level 3) is not above a (level 5)',
      'skill s: duplicate perk id a',
    ]);
  });

  it('NPCs with a missing loot table, a short leash, a bad level or a gated loot table', () => {
    const punk = npcTemplateById('tyger_claws_punk')!;
    const out = messages({
      npcs: [
        { ...punk, id: 'lost_loot', lootTable: 'no_such_table' },
        { ...punk, id: 'short_leash', behaviour: { aggroRange: 30, leashRange: 10 } },
        { ...punk, id: 'too_high', level: 51 },
        { ...punk, id: 'too_low', level: 0 },
        { ...punk, id: 'gated', level: 40 },
        { ...punk, id: 'bad_flee', behaviour: { aggroRange: 5, leashRange: 10, fleeAtHealth: 2 } },
        { ...punk, id: 'bad_damage', damageMin: 9, damageMax: 3 },
        punk,
        punk,
      ],
    });
    expect(out).toContain('npc lost_loot: unknown loot table no_such_table');
    expect(out).toContain('npc short_leash: leashRange 10 is below aggroRange 30');
    expect(out.some((m) => m.startsWith('npc too_high: level: '))).toBe(true);
    expect(out.some((m) => m.startsWith('npc too_low: level: '))).toBe(true);
    expect(out).toContain(
      'npc gated: loot table thugs_street_low never drops at level 40 (levels 1–12)',
    );
    expect(out.some((m) => m.startsWith('npc bad_flee: behaviour.fleeAtHealth: '))).toBe(true);
    expect(out).toContain('npc bad_damage: damageMax must be at least damageMin');
    expect(out).toContain('npc tyger_claws_punk: duplicate id');
  });
});
