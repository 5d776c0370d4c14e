import {
  CRAFT_RANGE,
  CraftingViewInputSchema,
  DISCIPLINES,
  RECIPES,
  craftSuccessChance,
  qualityOdds,
  recipeColor,
  skillGainChance,
  type CraftingView,
  type CraftingViewInput,
  type Discipline,
  type RecipeView,
} from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { GameDeps } from '../core/deps';
import { getLiveCharacter } from '../characters/get-owned-character';
import { parseInput } from '../core/validation';
import { castingCraftOf, craftView } from './craft-rows';
import { atTerminal } from '../world/at-terminal';

/**
 * The crafting window's view of a character: its skill per discipline, every recipe
 * with what it needs (inputs owned — held stacks do not count — vs needed, skill and
 * level), the odds at the current skill (crafting-rules: success, quality tiers,
 * colour and skill-up chance), the craft casting now, and whether a station is near.
 * Reads only.
 */
export async function craftingView(
  deps: Pick<GameDeps, 'db'>,
  input: CraftingViewInput,
): Promise<CraftingView> {
  const { characterId } = parseInput(CraftingViewInputSchema, input);
  const db = deps.db;
  const c = await getLiveCharacter(deps, characterId, {
    id: true,
    level: true,
    zoneId: true,
    x: true,
    y: true,
  });
  const [skillRows, bag, casting] = await Promise.all([
    db.craftSkill.findMany({ where: { characterId } }),
    db.item.groupBy({
      by: ['templateId'],
      where: { characterId, container: 'BAG', reservation: null },
      _sum: { quantity: true },
    }),
    castingCraftOf(db, characterId),
  ]);
  const atStation = atTerminal(c, 'crafting_station', CRAFT_RANGE);
  const skills = Object.fromEntries(DISCIPLINES.map((d) => [d, 0])) as Record<Discipline, number>;
  for (const r of skillRows) skills[closedSet.CraftSkill.discipline.parse(r.discipline)] = r.skill;
  const owned = new Map(bag.map((b) => [b.templateId, b._sum.quantity ?? 0]));
  const recipes = RECIPES.map((r): RecipeView => {
    const skill = skills[r.discipline];
    const inputs = r.inputs.map((i) => ({ ...i, owned: owned.get(i.templateId) ?? 0 }));
    const learnable = skill >= r.skillReq && (r.levelReq === undefined || c.level >= r.levelReq);
    return {
      id: r.id,
      name: r.name,
      discipline: r.discipline,
      output: r.output,
      inputs,
      difficulty: r.difficulty,
      skillReq: r.skillReq,
      levelReq: r.levelReq ?? null,
      castMs: r.castMs,
      learnable,
      craftable: learnable && inputs.every((i) => i.owned >= i.quantity),
      successChance: craftSuccessChance(skill, r.difficulty),
      qualityOdds: qualityOdds(skill, r.difficulty),
      color: recipeColor(skill, r.difficulty),
      skillGainChance: skillGainChance(skill, r.difficulty),
    };
  });
  return {
    skills,
    recipes,
    casting: casting ? craftView(casting) : null,
    atStation,
  };
}
