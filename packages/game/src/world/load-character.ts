import type { GameDeps } from '../core/deps';
import { getOwnedCharacter } from '../characters/get-owned-character';
import { titleText } from '../achievements/set-title';

/** What the sim needs to put a character into a zone. */
export interface SimCharacter {
  id: string;
  userId: string;
  name: string;
  level: number;
  /** content class id (solo, netrunner …) */
  classId: string;
  /** content origin id (streetkid, nomad, corpo): part of how the figure looks */
  origin?: string;
  health: number;
  maxHealth: number;
  zoneId: string;
  /** metres */
  x: number;
  y: number;
  /** the instance it is in (its zone id; zoneId/x/y stay the open-world return point); null: none */
  instanceId?: string | null;
  /** the guild's tag shown on the nameplate (null or absent: in no guild) */
  guildTag?: string | null;
  /** the achievement title's text shown under the name (null or absent: none chosen) */
  title?: string | null;
}

/**
 * Loads a character for a sim session. The ticket names both the account and the
 * character, so a ticket for someone else's (or a soft-deleted) character is refused
 * here, in the domain, not only by whoever minted the ticket: NOT_FOUND, as for
 * every "not yours" character lookup.
 */
export async function loadCharacterForSim(
  deps: GameDeps,
  input: { userId: string; characterId: string },
): Promise<SimCharacter> {
  const c = await getOwnedCharacter(deps, input.userId, input.characterId);
  const member = await deps.db.guildMember.findUnique({
    where: { characterId: c.id },
    select: { guild: { select: { tag: true } } },
  });
  return {
    id: c.id,
    userId: c.userId,
    name: c.name,
    level: c.level,
    classId: c.class,
    origin: c.origin,
    health: c.health,
    maxHealth: c.maxHealth,
    zoneId: c.zoneId,
    x: c.x,
    y: c.y,
    instanceId: c.instanceId,
    guildTag: member?.guild.tag ?? null,
    title: titleText(c.titleId),
  };
}
