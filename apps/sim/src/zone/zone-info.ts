import type { Vec2, ZoneContent, ZoneInfo } from '@necp/shared';

/** What clients are told about a zone on welcome: its layout and spawn points (no NPC or loot data). */
export function zoneInfo(c: ZoneContent): ZoneInfo {
  return {
    id: c.id,
    name: c.name,
    width: c.width,
    height: c.height,
    streets: c.streets,
    obstacles: c.obstacles,
    spawnPoints: c.spawnPoints.map((s) => ({
      id: s.id,
      kind: s.kind,
      name: s.name,
      x: s.x,
      y: s.y,
    })),
    areas: c.areas.map((a) => ({ id: a.id, name: a.name, x: a.x, y: a.y, radius: a.radius })),
  };
}

/** Where players start without a usable saved position: the player start, else the first spawn point. */
export function defaultSpawn(info: ZoneInfo): Vec2 {
  const spawn = info.spawnPoints.find((s) => s.kind === 'player_start') ?? info.spawnPoints[0];
  return { x: spawn?.x ?? 0, y: spawn?.y ?? 0 };
}
