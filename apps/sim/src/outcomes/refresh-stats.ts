import { loadCharacterStats, type GameDeps } from '@necp/game';
import type { HealthUpdate, Zone } from '../zone/zone';

/**
 * The zone that holds a character's live entity (it may have ridden the metro
 * since the combat that is being paid out), undefined once it left the world.
 */
export type LocatePlayer = (characterId: string) => Zone | undefined;

/** Looks only in `zone` (one zone on its own, pure tests). */
export const inZone =
  (zone: Zone): LocatePlayer =>
  (characterId) =>
    zone.player(characterId) ? zone : undefined;

/**
 * Re-reads a character's stats after the database changed them (level-up, worn-out
 * gear), gives them to the zone and tells the client (char:stats). `health`: see
 * Zone.setStats (a level-up passes `full`). No-op once the character left.
 */
export async function refreshZoneStats(
  deps: Pick<GameDeps, 'db'>,
  zone: Zone,
  characterId: string,
  health: HealthUpdate,
): Promise<void> {
  if (!zone.player(characterId)) return;
  const stats = await loadCharacterStats(deps, characterId);
  const msg = await zone.ask({ k: 'stats', characterId, stats, health });
  if (msg) zone.player(characterId)?.conn?.stats?.(msg);
}
