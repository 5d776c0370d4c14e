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
 * Writes the positions (and health, when given) of many online characters in one
 * transaction: the sim flushes them in batches, and at death and respawn. Rows that
 * vanished meanwhile (account deleted) are skipped rather than failing the whole batch.
 */
export async function saveCharacterPositions(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  positions: readonly CharacterPosition[],
): Promise<void> {
  if (positions.length === 0) return;
  const now = deps.clock.now();
  await deps.db.$transaction(
    positions.map((p) =>
      deps.db.character.updateMany({
        where: { id: p.characterId },
        data: {
          zoneId: p.zoneId,
          x: p.x,
          y: p.y,
          lastPlayedAt: now,
          ...(p.health === undefined ? {} : { health: Math.max(0, Math.round(p.health)) }),
        },
      }),
    ),
  );
}
