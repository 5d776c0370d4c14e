/**
 * Status effects (semantics in ability-schema.ts). Abilities name them by id;
 * checkContent verifies every reference. Amounts are per tick (dot/hot) or the
 * absorb total (shield) and are tuned for Watson levels: a level-1 character
 * has roughly 100 health.
 */
import { z } from 'zod';
import {
  EffectTemplateSchema,
  type EffectTemplate,
  type EffectTemplateInput,
} from './ability-schema';

export const EFFECT_TEMPLATE_INPUTS: readonly EffectTemplateInput[] = [
  // ── damage over time ────────────────────────────────────────────────────
  {
    // every attacker's cuts bleed on their own
    id: 'bleed',
    name: 'Bleeding',
    kind: 'dot',
    beneficial: false,
    durationMs: 6000,
    tickMs: 1000,
    amount: 3,
    damageType: 'physical',
    stacking: 'per_source',
  },
  {
    // fire builds up: more flames, more burn (up to three stacks)
    id: 'burn',
    name: 'Burning',
    kind: 'dot',
    beneficial: false,
    durationMs: 5000,
    tickMs: 1000,
    amount: 3,
    damageType: 'thermal',
    stacking: 'stack',
    maxStacks: 3,
  },
  {
    // one dose is as bad as it gets; a new one only restarts the clock
    id: 'poison',
    name: 'Toxin',
    kind: 'dot',
    beneficial: false,
    durationMs: 8000,
    tickMs: 1000,
    amount: 3,
    damageType: 'chemical',
    stacking: 'refresh',
  },
  {
    id: 'electrocute',
    name: 'Electrocuted',
    kind: 'dot',
    beneficial: false,
    durationMs: 4000,
    tickMs: 1000,
    amount: 4,
    damageType: 'electrical',
    stacking: 'per_source',
  },

  // ── healing over time ───────────────────────────────────────────────────
  {
    id: 'nano_regen',
    name: 'Nano-Regeneration',
    kind: 'hot',
    beneficial: true,
    durationMs: 8000,
    tickMs: 1000,
    amount: 5,
    stacking: 'refresh',
  },
  {
    // the stim an NPC medic jabs into itself: shorter, stronger
    id: 'combat_stim_regen',
    name: 'Combat Stim',
    kind: 'hot',
    beneficial: true,
    durationMs: 5000,
    tickMs: 1000,
    amount: 8,
    stacking: 'refresh',
  },

  // ── control ─────────────────────────────────────────────────────────────
  {
    id: 'slow',
    name: 'Crippled',
    kind: 'slow',
    beneficial: false,
    durationMs: 4000,
    magnitude: 0.4,
    stacking: 'refresh',
  },
  {
    // drones' EMP pulse: weaker than a crippling shot, but sticks longer
    id: 'emp_slow',
    name: 'EMP Shock',
    kind: 'slow',
    beneficial: false,
    durationMs: 5000,
    magnitude: 0.3,
    stacking: 'refresh',
  },
  {
    // `ignore` while active: a stunned target cannot be chain-stunned forever
    id: 'stun',
    name: 'Stunned',
    kind: 'stun',
    beneficial: false,
    durationMs: 1500,
    stacking: 'ignore',
  },
  {
    id: 'concussion',
    name: 'Concussed',
    kind: 'stun',
    beneficial: false,
    durationMs: 2000,
    stacking: 'ignore',
  },
  {
    // the netrunner quickhack: fries cyberware, so tech abilities are locked out
    id: 'short_circuit',
    name: 'Short Circuit',
    kind: 'silence',
    beneficial: false,
    durationMs: 3000,
    stacking: 'refresh',
  },

  // ── defensive / offensive buffs ─────────────────────────────────────────
  {
    id: 'shield',
    name: 'Deflector Shield',
    kind: 'shield',
    beneficial: true,
    durationMs: 8000,
    amount: 30,
    stacking: 'refresh',
  },
  {
    id: 'damage_reduction',
    name: 'Defensive Stance',
    kind: 'damage_reduction',
    beneficial: true,
    durationMs: 6000,
    magnitude: 0.3,
    stacking: 'refresh',
  },
  {
    id: 'damage_boost',
    name: 'Combat Stims',
    kind: 'damage_boost',
    beneficial: true,
    durationMs: 8000,
    magnitude: 0.25,
    stacking: 'refresh',
  },
  {
    // optical camouflage: hard to hit while it lasts
    id: 'optical_camo',
    name: 'Optical Camo',
    kind: 'damage_reduction',
    beneficial: true,
    durationMs: 5000,
    magnitude: 0.5,
    stacking: 'refresh',
  },
  {
    id: 'sandevistan',
    name: 'Sandevistan',
    kind: 'damage_boost',
    beneficial: true,
    durationMs: 6000,
    magnitude: 0.3,
    stacking: 'refresh',
  },
  {
    id: 'berserk',
    name: 'Berserk',
    kind: 'damage_boost',
    beneficial: true,
    durationMs: 10_000,
    magnitude: 0.5,
    stacking: 'refresh',
  },
];

export const EFFECTS: readonly EffectTemplate[] = z
  .array(EffectTemplateSchema)
  .parse(EFFECT_TEMPLATE_INPUTS);

export const EFFECTS_BY_ID: ReadonlyMap<string, EffectTemplate> = new Map(
  EFFECTS.map((e) => [e.id, e]),
);

export const effectById = (id: string): EffectTemplate | undefined => EFFECTS_BY_ID.get(id);
