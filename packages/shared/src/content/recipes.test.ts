import { describe, expect, it } from 'vitest';
import { checkContent, formatContentProblems } from './check';
import { droppedItemIds } from './check-crafting';
import { itemTemplateById, ITEM_TEMPLATES } from './items';
import { LOOT_TABLES } from './loot-tables';
import { NPC_TEMPLATES } from './npcs';
import { DISCIPLINES, DISCIPLINE_OUTPUT_KIND, MAX_CRAFT_SKILL } from './recipe-schema';
import { RECIPES, RECIPE_INPUTS, STARTER_RECIPE_IDS, recipeById, recipesFor } from './recipes';
import { SALVAGE_TABLES } from './salvage';
import { ZONES } from './zones';
import { recipeColor } from '../crafting/crafting-rules';

describe('recipe content', () => {
  it('parses: at least 30 recipes, at least 6 per discipline, unique ids', () => {
    expect(RECIPES).toHaveLength(RECIPE_INPUTS.length);
    expect(RECIPES.length).toBeGreaterThanOrEqual(30);
    for (const d of DISCIPLINES) expect(recipesFor(d).length, d).toBeGreaterThanOrEqual(6);
    expect(new Set(RECIPES.map((r) => r.id)).size).toBe(RECIPES.length);
    expect(recipeById('ws_combat_knife')?.discipline).toBe('weaponsmithing');
  });

  it('passes the content check (check-crafting.ts)', () => {
    const problems = formatContentProblems(checkContent());
    expect(problems.filter((m) => m.startsWith('recipe ') || m.startsWith('salvage '))).toEqual([]);
  });

  it("makes existing templates of its discipline's kind from existing materials", () => {
    for (const r of RECIPES) {
      const out = itemTemplateById(r.output.templateId);
      expect(out?.kind, r.id).toBe(DISCIPLINE_OUTPUT_KIND[r.discipline]);
      // legendaries stay drops: nothing bound on pickup is crafted
      expect(out?.binding, r.id).not.toBe('pickup');
      for (const i of r.inputs)
        expect(itemTemplateById(i.templateId)?.kind, `${r.id} ${i.templateId}`).toBe('material');
    }
  });

  it('takes only materials a player can obtain: from loot an NPC or crate rolls, or from salvage', () => {
    const roots = [
      ...NPC_TEMPLATES.map((n) => n.lootTable),
      ...ZONES.flatMap((z) => z.spawnPoints.flatMap((s) => (s.lootTable ? [s.lootTable] : []))),
    ];
    const dropped = droppedItemIds(LOOT_TABLES, roots);
    const salvaged = new Set(SALVAGE_TABLES.flatMap((t) => t.yields.map((y) => y.templateId)));
    for (const r of RECIPES)
      for (const i of r.inputs)
        expect(
          dropped.has(i.templateId) || salvaged.has(i.templateId),
          `${r.id}: ${i.templateId}`,
        ).toBe(true);
    // every new crafting material drops somewhere (salvage alone would need gear first)
    for (const t of ITEM_TEMPLATES.filter((t) => t.kind === 'material'))
      expect(dropped.has(t.id), t.id).toBe(true);
  });

  it('has starter recipes in every discipline and something to train at every skill level', () => {
    for (const d of DISCIPLINES) {
      const rs = recipesFor(d);
      expect(
        rs.some((r) => STARTER_RECIPE_IDS.includes(r.id)),
        d,
      ).toBe(true);
      // at every skill a crafter can use a recipe that is not grey (so the skill can rise)
      for (let skill = 0; skill < MAX_CRAFT_SKILL; skill++)
        expect(
          rs.some((r) => r.skillReq <= skill && recipeColor(skill, r.difficulty) !== 'grey'),
          `${d} at ${skill}`,
        ).toBe(true);
      expect(Math.max(...rs.map((r) => r.difficulty)), d).toBe(MAX_CRAFT_SKILL);
    }
  });
});
