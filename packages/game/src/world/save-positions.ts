import type { GameDeps } from '../core/deps';
import type { ZoneFence } from '../cluster/zone-ownership';

export interface CharacterPosition {
  characterId: string;
  zoneId: string;
  /** metres */
  x: number;
  y: number;
  /** current health, saved with the position when given (the sim owns it while online) */
  health?: number;
  /**
   * The lease token of the zone that writes it (its zone, or the zone a metro rider
   * leaves): the row is skipped unless that token still owns that zone. Absent: unfenced.
   */
  fence?: ZoneFence | undefined;
}

/**
 * Rows per UPDATE statement: one statement per chunk keeps each well under a second
 * at the sim's largest flushes (2,000 players write 2 statements), and bounds the
 * arrays sent as parameters.
 */
export const POSITION_SAVE_CHUNK = 1000;

/**
 * Writes the positions (and health, when given) of many online characters: the sim
 * flushes them in batches, and at death and respawn. One UPDATE … FROM unnest(…)
 * statement per chunk of POSITION_SAVE_CHUNK rows — no interactive transaction, so
 * a flush of thousands cannot overrun a transaction timeout. Rows are locked in
 * id order (the order every multi-character writer uses, so a flush never deadlocks
 * with an outbox subscriber or awardKill); rows that vanished meanwhile (account
 * deleted) are skipped. When a character appears twice, its last position wins.
 * Fenced rows are written only while their zone's owner token is theirs: the
 * ZoneOwner rows are locked FOR SHARE first (lock order: before Character rows), so
 * a takeover waits for a flush in flight, and a flush after it skips those rows.
 * Returns the ids of the characters written.
 */
export async function saveCharacterPositions(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  positions: readonly CharacterPosition[],
): Promise<string[]> {
  if (positions.length === 0) return [];
  const newest = new Map<string, CharacterPosition>();
  for (const p of positions) newest.set(p.characterId, p);
  const all = [...newest.values()];
  const now = deps.clock.now();
  const written: string[] = [];
  for (let i = 0; i < all.length; i += POSITION_SAVE_CHUNK)
    written.push(...(await saveChunk(deps.db, all.slice(i, i + POSITION_SAVE_CHUNK), now)));
  return written;
}

async function saveChunk(
  db: GameDeps['db'],
  chunk: readonly CharacterPosition[],
  now: Date,
): Promise<string[]> {
  const ids = chunk.map((p) => p.characterId);
  const zones = chunk.map((p) => p.zoneId);
  const xs = chunk.map((p) => p.x);
  const ys = chunk.map((p) => p.y);
  const healths = chunk.map((p) =>
    p.health === undefined ? null : Math.max(0, Math.round(p.health)),
  );
  const fenceZones = chunk.map((p) => p.fence?.zoneId ?? null);
  const fenceTokens = chunk.map((p) => (p.fence ? BigInt(p.fence.token) : null));
  // `owners` holds the fencing rows FOR SHARE (a stale token matches none), then
  // `locked` takes the character row locks in id order before the UPDATE touches them
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH input AS (
      SELECT * FROM unnest(${ids}::text[], ${zones}::text[], ${xs}::float8[], ${ys}::float8[],
                           ${healths}::int[], ${fenceZones}::text[], ${fenceTokens}::int8[])
        AS t(id, zone_id, x, y, health, fence_zone, fence_token)
    ), owners AS MATERIALIZED (
      SELECT o."zoneId", o."token"
      FROM "ZoneOwner" o
      JOIN (SELECT DISTINCT fence_zone, fence_token FROM input WHERE fence_zone IS NOT NULL) f
        ON f.fence_zone = o."zoneId" AND f.fence_token = o."token"
      ORDER BY o."zoneId"
      FOR SHARE OF o
    ), locked AS MATERIALIZED (
      SELECT c."id", i.zone_id, i.x, i.y, i.health
      FROM "Character" c JOIN input i ON i.id = c."id"
      WHERE i.fence_zone IS NULL
         OR EXISTS (SELECT 1 FROM owners o WHERE o."zoneId" = i.fence_zone AND o."token" = i.fence_token)
      ORDER BY c."id"
      FOR NO KEY UPDATE OF c
    )
    UPDATE "Character" c
    SET "zoneId" = l.zone_id, "x" = l.x, "y" = l.y,
        "health" = COALESCE(l.health, c."health"),
        "lastPlayedAt" = ${now}, "updatedAt" = ${now}
    FROM locked l
    WHERE c."id" = l."id"
    RETURNING c."id"`;
  return rows.map((r) => r.id);
}
