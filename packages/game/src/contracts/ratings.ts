import { weightedRating } from '@necp/shared';
import type { Db, Tx } from '../core/deps';

export type Rating = ReturnType<typeof weightedRating>;

/** The public rating of each character: their finished contracts' scores, weighted by reward. */
export async function ratingsOf(
  tx: Db | Tx,
  characterIds: readonly string[],
): Promise<Map<string, Rating>> {
  const ids = [...new Set(characterIds)];
  const rows = ids.length
    ? await tx.$queryRaw<{ rateeId: string; score: number; weight: number }[]>`
        SELECT "rateeId", "score", "weight" FROM "ContractRating"
        WHERE "rateeId" = ANY(${ids}::text[])`
    : [];
  const by = new Map<string, { score: number; weight: number }[]>();
  for (const r of rows) {
    const list = by.get(r.rateeId as string) ?? [];
    list.push(r);
    by.set(r.rateeId as string, list);
  }
  return new Map(ids.map((id) => [id, weightedRating(by.get(id) ?? [])]));
}
