// The engine's two ports: what it asks of the zone it runs in, and what it tells it.
import type { Vec2 } from '@necp/shared';
import type { CombatLogRow } from '@necp/game';
import type { Player } from '../zone/player';
import type { Fighter } from './fighter';

/** What the engine needs to know about the zone it runs in. */
export interface CombatWorld {
  readonly zoneId: string;
  /** the current zone tick (lag compensation) */
  tick(): number;
  /** a fighter present in the zone (hidden NPC corpses are not) */
  fighter(eid: number): Fighter | undefined;
  /** every fighter to simulate this tick; a fresh list (hooks may change the zone meanwhile) */
  fighters(): Fighter[];
  /** fighters within `radius` metres of (x, y) */
  fightersNear(x: number, y: number, radius: number): Fighter[];
  lineOfSight(a: Vec2, b: Vec2): boolean;
  /** where the entity was at `tick`, clamped to the rewind window */
  positionAt(eid: number, tick: number): Vec2 | undefined;
}

/** What the zone wants to hear about: threat, deaths, the combat log, gear wear. */
export interface CombatHooks {
  /** `source` hurt `target` for `amount` (0: a miss, or a harmful ability without damage) */
  damaged?(target: Fighter, source: Fighter, amount: number, threat: number): void;
  healed?(healer: Fighter, target: Fighter, amount: number): void;
  died?(victim: Fighter, killer: Fighter | undefined): void;
  log?(row: CombatLogRow): void;
  /** a player used its weapon (a weapon-damage ability went off) */
  weaponUsed?(p: Player): void;
  /** a player was hit by an ability */
  hitTaken?(p: Player): void;
}
