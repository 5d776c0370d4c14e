import { describe, expect, it } from 'vitest';
import { checkContent, formatContentProblems, shippedContent, shippedCrafting } from './check';
import type { ItemTemplateInput } from './item-schema';
import { ITEM_TEMPLATE_INPUTS } from './items';
import { LOOT_TABLE_INPUTS } from './loot-tables';
import type { RecipeInput } from './recipe-schema';
import type { SalvageTableInput } from './salvage-schema';
import { SALVAGE_TABLE_INPUTS } from './salvage';

const KNIFE: RecipeInput = {
  id: 'fx_knife',
  name: 'Fixture Knife',
  discipline: 'weaponsmithing',
  output: { templateId: 'knife_combat', quantity: 1 },
  inputs: [
    { templateId: 'scrap_metal', quantity: 4 },
    { templateId: 'synth_leather', quantity: 2 },
  ],
  difficulty: 5,
  skillReq: 0,
  castMs: 3000,
};

/** Recipe and salvage problems of the shipped content with these crafting fixtures. */
const messages = (
  recipes: readonly unknown[],
  salvage: readonly unknown[] = SALVAGE_TABLE_INPUTS,
  more: { items?: readonly unknown[]; lootTables?: readonly unknown[] } = {},
) =>
  formatContentProblems(
    checkContent({
      ...shippedContent(),
      story: undefined,
      ...more,
      crafting: { recipes, salvage },
    }),
  ).filter((m) => m.startsWith('recipe ') || m.startsWith('salvage '));

describe('checkContent reports broken crafting content', () => {
  it('the shipped recipes and salvage tables are clean (each fixture below breaks one thing)', () => {
    expect(messages(shippedCrafting().recipes)).toEqual([]);
    expect(messages([KNIFE])).toEqual([]);
  });

  it('unknown outputs and inputs, the wrong kind, non-material inputs, an oversized batch', () => {
    expect(
      messages([
        { ...KNIFE, id: 'a', output: { templateId: 'nope', quantity: 1 } },
        { ...KNIFE, id: 'b', discipline: 'chemistry' },
        {
          ...KNIFE,
          id: 'c',
          inputs: [
            { templateId: 'ghost', quantity: 1 },
            { templateId: 'stim_basic', quantity: 1 },
          ],
        },
        {
          ...KNIFE,
          id: 'd',
          discipline: 'chemistry',
          output: { templateId: 'stim_basic', quantity: 30 },
        },
      ]),
    ).toEqual([
      'recipe a: unknown output nope',
      'recipe b: chemistry makes consumable, not weapon (knife_combat)',
      'recipe c: unknown input ghost',
      'recipe c: input stim_basic is a consumable, not a material',
      "recipe d: output quantity 30 exceeds stim_basic's stack size 20",
    ]);
  });

  it('schema violations and duplicate ids', () => {
    expect(
      messages([
        KNIFE,
        KNIFE,
        {
          ...KNIFE,
          id: 'e',
          inputs: [...KNIFE.inputs, { templateId: 'scrap_metal', quantity: 1 }],
        },
        { ...KNIFE, id: 'f', inputs: [{ templateId: 'knife_combat', quantity: 1 }] },
        { ...KNIFE, id: 'g', skillReq: 10 },
        { ...KNIFE, id: 'h', castMs: 500 },
      ]),
    ).toEqual([
      'recipe fx_knife: duplicate id',
      'recipe e: inputs must be distinct templates',
      'recipe f: no input may be the output',
      'recipe g: skillReq must not exceed difficulty (a recipe is orange when learned)',
      'recipe h: castMs: Too small: expected number to be >=1000',
    ]);
  });

  it('an input nobody can obtain: no loot table an NPC or crate rolls, no salvage', () => {
    const unobtainium: ItemTemplateInput = {
      id: 'unobtainium',
      name: 'Unobtainium',
      description: 'Never drops.',
      kind: 'material',
      rarity: 'rare',
      levelReq: 1,
      stackSize: 99,
      weight: 0,
      value: 1000,
      binding: 'none',
      glyph: 'Un',
    };
    // an orphan table (no NPC or crate rolls it) does not count
    const orphan = { id: 'orphan', guaranteed: [{ item: 'unobtainium' }] };
    expect(
      messages(
        [{ ...KNIFE, inputs: [...KNIFE.inputs, { templateId: 'unobtainium', quantity: 1 }] }],
        SALVAGE_TABLE_INPUTS,
        {
          items: [...ITEM_TEMPLATE_INPUTS, unobtainium],
          lootTables: [...LOOT_TABLE_INPUTS, orphan],
        },
      ),
    ).toEqual([
      'recipe fx_knife: input unobtainium cannot be obtained (no loot table an NPC or crate rolls, no salvage)',
    ]);
  });

  it('a value loop: salvaging the output yields as much as the inputs are worth', () => {
    // weapon_common yields up to 3 scrap metal (6) and a gun part (5): 11
    expect(messages([{ ...KNIFE, inputs: [{ templateId: 'scrap_metal', quantity: 5 }] }])).toEqual([
      'recipe fx_knife: value loop: salvaging the output yields up to 11, not less than the inputs (10)',
    ]);
  });

  it('salvage yielding non-materials, worth as much as an item it covers, or missing', () => {
    const tables = SALVAGE_TABLE_INPUTS.filter(
      (t) => t.id !== 'armor_common' && t.id !== 'weapon_common' && t.id !== 'cyberware_common',
    );
    const broken: SalvageTableInput[] = [
      {
        id: 'weapon_common',
        kind: 'weapon',
        rarity: 'common',
        yields: [
          { templateId: 'stim_basic', min: 1, max: 1 },
          { templateId: 'ghost', min: 1, max: 1 },
        ],
      },
      // the cheapest common cyberware (Lynx Paws) is worth 220
      {
        id: 'cyberware_common',
        kind: 'cyberware',
        rarity: 'common',
        yields: [{ templateId: 'chrome_plating', min: 1, max: 9 }],
      },
    ];
    expect(messages([], [...tables, ...broken])).toEqual([
      'salvage weapon_common: stim_basic is a consumable, not a material',
      'salvage weapon_common: unknown item ghost',
      'salvage cyberware_common: yields up to 225, not less than cyber_lynx_paws is worth (220)',
      'salvage armor_common: no table for 10 template(s), e.g. cap_street',
    ]);
  });
});
