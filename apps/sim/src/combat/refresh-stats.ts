import { loadCharacterStats, type GameDeps } from '@necp/game';
import type { HealthUpdate, Zone } from '../zone/zone';

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
  const msg = zone.setStats(characterId, stats, health);
  if (msg) zone.player(characterId)?.conn?.stats?.(msg);
}
