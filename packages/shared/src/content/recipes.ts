/**
 * Crafting recipes (recipe-schema.ts), one file per discipline in recipes/. Ids are
 * stable: learned recipes and craft records keep them. checkContent verifies every
 * reference, that inputs can be obtained, and that no recipe is a value loop
 * (check-crafting.ts). Difficulty climbs from 5–10 to 100 in each discipline, so at
 * every skill level some known recipe is not grey and can still raise the skill.
 */
import { z } from 'zod';
import { RecipeSchema, type Discipline, type Recipe, type RecipeInput } from './recipe-schema';
import { ARMORCRAFT_RECIPES } from './recipes/armorcraft';
import { CHEMISTRY_RECIPES } from './recipes/chemistry';
import { CYBERTECH_RECIPES } from './recipes/cybertech';
import { WEAPONSMITHING_RECIPES } from './recipes/weaponsmithing';

/** Raw content as written (checkContent validates these without throwing). */
export const RECIPE_INPUTS: readonly RecipeInput[] = [
  ...WEAPONSMITHING_RECIPES,
  ...ARMORCRAFT_RECIPES,
  ...CHEMISTRY_RECIPES,
  ...CYBERTECH_RECIPES,
];

export const RECIPES: readonly Recipe[] = z.array(RecipeSchema).parse(RECIPE_INPUTS);

const BY_ID = new Map(RECIPES.map((r) => [r.id, r]));

export const recipeById = (id: string): Recipe | undefined => BY_ID.get(id);

/** A discipline's recipes in content order (easiest first). */
export const recipesFor = (discipline: Discipline): Recipe[] =>
  RECIPES.filter((r) => r.discipline === discipline);

/** Recipes every crafter knows from the start (skillReq 0). */
export const STARTER_RECIPE_IDS: readonly string[] = RECIPES.filter((r) => r.skillReq === 0).map(
  (r) => r.id,
);
