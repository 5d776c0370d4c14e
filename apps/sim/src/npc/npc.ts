import type { NpcTemplate, TelegraphArea, Vec2 } from '@necp/shared';
import type { CombatState } from '../combat/combat-state';

/**
 * AI states (see npc/brain.ts for the transitions):
 * idle → patrol (wander inside the spawn area) → chase (a target is known, out of reach)
 * → attack (in reach: use abilities) → leash (pulled past leashRange: run home, reset
 * health and threat, ignore everyone until home) → flee (low health, for kinds that do)
 * → dead (corpse, then despawned until respawnAt).
 */
export type NpcAiState = 'idle' | 'patrol' | 'chase' | 'attack' | 'leash' | 'flee' | 'dead';

export interface NpcAi {
  state: NpcAiState;
  /** eid currently attacked (the top of the threat table) */
  targetEid: number | null;
  /** where a patrol or a flight is heading */
  moveTo: Vec2 | null;
  /** next time the brain reconsiders idle/patrol choices */
  nextThinkAt: number;
  /** entered the current state at */
  since: number;
  /** attack: the next auto-attack may go off at (paced by 1 / attackSpeed); absent = now */
  nextSwingAt?: number;
  /** fled in this fight already (an NPC flees once; a leash reset or respawn clears it) */
  fled?: boolean;
}

/** A boss's encounter state (npc/boss.ts); fresh on every pull, gone when it dies. */
export interface BossState {
  /** index into the template's boss.phases; only grows within one fight */
  phase: number;
  /** attack id → the next announcement of it may come at */
  readyAt: Map<string, number>;
  /** no new telegraph before (the phase's gap after an impact) */
  nextAt: number;
  /** the telegraph announced and not yet landed */
  pending: { attackId: string; area: TelegraphArea; targetEid: number; impactAt: number } | null;
}

/** An NPC in a zone: spawned from a spawn area, simulated by the zone tick. */
export interface Npc {
  readonly kind: 'npc';
  readonly eid: number;
  readonly template: NpcTemplate;
  /** content NpcSpawn id */
  readonly spawnId: string;
  /** index within the spawn area: "npc:<spawnId>#<index>" is its stable id in the combat log */
  readonly index: number;
  /** random id of this life: the kill's idempotency key (a retried award cannot pay twice) */
  lifeId: string;
  /** its own spawn point inside the area; leash and patrol are measured from here */
  home: Vec2;
  x: number;
  y: number;
  /** m/s */
  speed: number;
  health: number;
  maxHealth: number;
  level: number;
  combat: CombatState;
  ai: NpcAi;
  /** eid → threat; the highest is attacked. Damage and healing (of its enemies) add threat. */
  threat: Map<number, number>;
  /** eid → damage dealt to it in this life, by players (kill credit and loot rights) */
  damageBy: Map<number, number>;
  /** dead: when it respawns (its corpse leaves view after NPC_CORPSE_MS) */
  respawnAt: number | null;
  /** templates with a boss block, while fighting */
  boss?: BossState;
}
