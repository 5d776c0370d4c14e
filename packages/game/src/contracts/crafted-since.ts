import type { Db, Tx } from '../core/deps';
import { recipesMaking } from './contract-targets';

/**
 * What a character crafted of a template since a moment (a craft contract's proof): the
 * units its successful crafts made, and the item rows they made (a piece of gear is one
 * row, so a gear contract hands over exactly those pieces).
 */
export async function craftedSince(
  tx: Db | Tx,
  characterId: string,
  templateId: string,
  since: Date,
): Promise<{ units: number; itemIds: string[] }> {
  const recipes = recipesMaking(templateId);
  if (recipes.length === 0) return { units: 0, itemIds: [] };
  const crafts = await tx.$queryRaw<{ recipeId: string; outputItemId: string | null }[]>`
    SELECT "recipeId", "outputItemId" FROM "Craft"
    WHERE "characterId" = ${characterId} AND "recipeId" = ANY(${recipes.map((r) => r.id)}::text[])
      AND "state" = 'done' AND "success" AND "finishedAt" >= ${since}::timestamp
    LIMIT 1000`;
  let units = 0;
  for (const c of crafts) units += recipes.find((r) => r.id === c.recipeId)?.output.quantity ?? 0;
  return {
    units,
    itemIds: crafts.map((c) => c.outputItemId).filter((x): x is string => !!x),
  };
}
