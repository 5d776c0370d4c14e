import type { Vec2 } from '@necp/shared';
import type { SimCharacter } from '@necp/game';
import type { Player, PlayerStats } from '../zone/player';

/** A character that left a zone, as it enters another one (or the same one again) at `at`. */
export function arrivalOf(
  left: Readonly<Player>,
  userId: string,
  zoneId: string,
  at: Vec2,
): { character: SimCharacter; stats: PlayerStats } {
  return {
    character: {
      id: left.characterId,
      userId,
      name: left.name,
      level: left.level,
      classId: left.classId,
      ...(left.origin ? { origin: left.origin } : {}),
      health: left.health,
      maxHealth: left.maxHealth,
      zoneId,
      x: at.x,
      y: at.y,
      guildTag: left.guildTag,
      title: left.title,
    },
    stats: {
      speed: left.speed,
      health: left.health,
      maxHealth: left.maxHealth,
      level: left.level,
      classId: left.classId,
      weapon: left.weapon ? { templateId: left.weapon } : null,
      combat: left.combat.stats,
    },
  };
}
