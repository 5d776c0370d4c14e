import type { ActiveEffect, CombatStats, EffectBrief } from '@necp/shared';

/** A status effect on a combatant: the shared rules' ActiveEffect (rules/effects.ts), judged against the zone clock each tick. */
export type EffectInstance = ActiveEffect;

export interface CastInProgress {
  abilityId: string;
  /** 0 for self */
  targetEid: number;
  startedAt: number;
  endsAt: number;
  /** the client's view tick sent with combat:use (lag compensation on completion) */
  viewTick: number | undefined;
}

/**
 * Everything combat tracks on a fighter, player or NPC alike. Times are zone
 * clock ms. Owned by the sim's combat engine; NPC AI reads it and asks the
 * engine to act, never writes health directly.
 */
export interface CombatState {
  stats: CombatStats;
  resource: number;
  maxResource: number;
  /** gcd abilities are refused before this */
  gcdUntil: number;
  /** ability id → ready again at */
  cooldowns: Map<string, number>;
  cast: CastInProgress | null;
  effects: EffectInstance[];
  dead: boolean;
  /** clock ms of death (respawn timers run from here) */
  diedAt: number | null;
  /** last damage dealt or taken (out-of-combat regeneration waits OUT_OF_COMBAT_MS) */
  lastCombatAt: number;
  /** something visible to clients changed (resource, cooldowns, cast, effects): resend */
  dirty: boolean;
}

export function createCombatState(stats: CombatStats, maxResource: number): CombatState {
  return {
    stats,
    resource: maxResource,
    maxResource,
    gcdUntil: 0,
    cooldowns: new Map(),
    cast: null,
    effects: [],
    dead: false,
    diedAt: null,
    lastCombatAt: -Infinity,
    dirty: true,
  };
}

/** Effects as a client shows them: id, ms left, stacks. */
export const effectBriefs = (effects: readonly EffectInstance[], now: number): EffectBrief[] =>
  effects.map((e) => [e.effect.id, Math.max(0, e.expiresAt - now), e.stacks]);
