import type { BossAttack, CombatEvent, CombatRefusal, TelegraphArea, Vec2 } from '@necp/shared';

/** A player as NPC AI sees it. */
export interface PlayerView {
  eid: number;
  x: number;
  y: number;
  level: number;
  dead: boolean;
}

/**
 * What the NPC brain may ask of the zone. The zone (combat integration) implements
 * it; AI unit tests implement it with plain objects. The brain never writes health
 * or effects itself: damage, effects and cooldowns all go through `useAbility`.
 */
export interface NpcWorld {
  now(): number;
  /** live and dead players within `radius` metres of (x, y) */
  playersNear(x: number, y: number, radius: number): Iterable<PlayerView>;
  player(eid: number): PlayerView | undefined;
  lineOfSight(a: Vec2, b: Vec2): boolean;
  /**
   * Moves the NPC toward `to` by at most its speed × one tick (obstacles respected),
   * updating the AOI grid. Returns the new position.
   */
  moveNpcToward(npcEid: number, to: Vec2): Vec2;
  /** Puts the NPC at a point at once (respawn, leash arrival). */
  placeNpc(npcEid: number, at: Vec2): void;
  /** Asks the combat engine to use an ability (checks range, line, cooldown, …). null = it went off / cast started. */
  useAbility(npcEid: number, abilityId: string, targetEid: number): CombatRefusal | null;
  /** Full health, effects and cooldowns cleared, out of combat (leash reset, respawn). */
  resetNpc(npcEid: number): void;
  /** Reports a boss's telegraph, phase change or cancelled telegraph to the clients that see it. */
  announce(e: CombatEvent): void;
  /** A boss's telegraphed attack lands: every enemy inside `area` now is hit. Returns their eids. */
  strikeArea(npcEid: number, attack: BossAttack, area: TelegraphArea): number[];
  /** Seeded randomness for patrol points and spawn positions. */
  random(): number;
}
