/** Small reads of characters by id, for the sim's instances (names on the scoreboard, levels for a backfill, where one returns to). */
import type { GameDeps } from '../core/deps';

/** Each found character's name by id (ids not found are absent). */
export async function characterNames(
  deps: Pick<GameDeps, 'db'>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await deps.db.character.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The levels of the characters found (one per character, in no particular order). */
export async function characterLevels(
  deps: Pick<GameDeps, 'db'>,
  ids: readonly string[],
): Promise<number[]> {
  const rows = await deps.db.character.findMany({
    where: { id: { in: [...ids] } },
    select: { level: true },
  });
  return rows.map((r) => r.level);
}

/** The open-world zone each found character is saved in, by id (ids not found are absent). */
export async function characterZoneIds(
  deps: Pick<GameDeps, 'db'>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await deps.db.character.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, zoneId: true },
  });
  return new Map(rows.map((r) => [r.id, r.zoneId]));
}
