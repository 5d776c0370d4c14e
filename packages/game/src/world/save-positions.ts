import type { GameDeps } from '../core/deps';

export interface CharacterPosition {
  characterId: string;
  zoneId: string;
  /** metres */
  x: number;
  y: number;
  /** current health, saved with the position when given (the sim owns it while online) */
  health?: number;
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
 */
export async function saveCharacterPositions(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  positions: readonly CharacterPosition[],
): Promise<void> {
  if (positions.length === 0) return;
  const newest = new Map<string, CharacterPosition>();
  for (const p of positions) newest.set(p.characterId, p);
  const all = [...newest.values()];
  const now = deps.clock.now();
  for (let i = 0; i < all.length; i += POSITION_SAVE_CHUNK)
    await saveChunk(deps.db, all.slice(i, i + POSITION_SAVE_CHUNK), now);
}

async function saveChunk(
  db: GameDeps['db'],
  chunk: readonly CharacterPosition[],
  now: Date,
): Promise<void> {
  const ids = chunk.map((p) => p.characterId);
  const zones = chunk.map((p) => p.zoneId);
  const xs = chunk.map((p) => p.x);
  const ys = chunk.map((p) => p.y);
  const healths = chunk.map((p) =>
    p.health === undefined ? null : Math.max(0, Math.round(p.health)),
  );
  // `locked` takes the row locks in id order before the UPDATE touches them
  await db.$executeRaw`
    WITH input AS (
      SELECT * FROM unnest(${ids}::text[], ${zones}::text[], ${xs}::float8[], ${ys}::float8[],
                           ${healths}::int[]) AS t(id, zone_id, x, y, health)
    ), locked AS MATERIALIZED (
      SELECT c."id", i.zone_id, i.x, i.y, i.health
      FROM "Character" c JOIN input i ON i.id = c."id"
      ORDER BY c."id"
      FOR UPDATE OF c
    )
    UPDATE "Character" c
    SET "zoneId" = l.zone_id, "x" = l.x, "y" = l.y,
        "health" = COALESCE(l.health, c."health"),
        "lastPlayedAt" = ${now}, "updatedAt" = ${now}
    FROM locked l
    WHERE c."id" = l."id"`;
}
