/**
 * Ability and status-effect content types. The data lives in abilities.ts and
 * effects.ts; checkContent cross-checks references (class abilities, NPC abilities,
 * effects named by abilities). The sim runs them; the client shows them.
 */
import { z } from 'zod';
import { DAMAGE_TYPES } from './item-schema';

const Id = z.string().regex(/^[a-z0-9_]+$/);

/**
 * How a status effect behaves.
 * - dot: `amount` damage of `damageType` every `tickMs` (scaled by stacks)
 * - hot: `amount` healing every `tickMs` (scaled by stacks)
 * - slow: movement speed × (1 − `magnitude`) (strongest slow wins, stacks do not add)
 * - stun: cannot move, cast or use abilities; a cast in progress is interrupted
 * - silence: cannot use abilities whose `school` is `tech` (hacks, quickhacks, tech gadgets);
 *   a tech cast in progress is interrupted
 * - shield: absorbs up to `amount` damage (scaled by stacks), then ends
 * - damage_reduction: incoming damage × (1 − `magnitude`) (strongest wins)
 * - damage_boost: outgoing damage × (1 + `magnitude`) (strongest wins)
 */
export const EFFECT_KINDS = [
  'dot',
  'hot',
  'slow',
  'stun',
  'silence',
  'shield',
  'damage_reduction',
  'damage_boost',
] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

/**
 * Stacking when the effect is applied to a target that already has it:
 * - refresh: one instance; the duration restarts (from any source)
 * - stack: up to `maxStacks` instances-worth; each application adds a stack and restarts the duration
 * - per_source: one instance per source (two players' bleeds both tick), each refreshing itself
 * - ignore: while active, a new application does nothing (e.g. stun immunity pattern)
 */
export const STACKING_RULES = ['refresh', 'stack', 'per_source', 'ignore'] as const;
export type StackingRule = (typeof STACKING_RULES)[number];

export const EffectTemplateSchema = z.object({
  id: Id,
  name: z.string().min(2),
  kind: z.enum(EFFECT_KINDS),
  /** shown on buff/debuff icons; true for effects that help the bearer */
  beneficial: z.boolean(),
  durationMs: z.int().positive(),
  /** dot/hot only: period between ticks */
  tickMs: z.int().positive().optional(),
  /** dot/hot: per tick; shield: absorb */
  amount: z.int().min(0).optional(),
  damageType: z.enum(DAMAGE_TYPES).optional(),
  /** slow / damage_reduction / damage_boost: fraction 0..0.9 */
  magnitude: z.number().min(0).max(0.9).optional(),
  stacking: z.enum(STACKING_RULES),
  maxStacks: z.int().min(1).max(10).default(1),
});
export type EffectTemplate = z.infer<typeof EffectTemplateSchema>;
export type EffectTemplateInput = z.input<typeof EffectTemplateSchema>;

/**
 * Who an ability can target.
 * - enemy: a hostile entity (for a player: an NPC; for an NPC: a player); needs range and line of sight
 * - self: the user (no target needed)
 * - ally: a friendly player or the user (players only; no target = self)
 */
export const ABILITY_TARGETS = ['enemy', 'self', 'ally'] as const;
export type AbilityTarget = (typeof ABILITY_TARGETS)[number];

/**
 * `tech` abilities are hacks and gadgets: a silence stops them. `physical` are
 * weapons and fists, `bio` are stims and meds — a silence leaves those alone.
 */
export const ABILITY_SCHOOLS = ['physical', 'tech', 'bio'] as const;
export type AbilitySchool = (typeof ABILITY_SCHOOLS)[number];

/** What the bar groups them by (the four kinds per class). */
export const ABILITY_ROLES = ['basic', 'ranged', 'area', 'defensive', 'heal', 'control'] as const;
export type AbilityRole = (typeof ABILITY_ROLES)[number];

export const AbilityDamageSchema = z.object({
  /**
   * weapon: the user's weapon range (DerivedStats damageMin/Max, its damage type
   * unless `damageType` overrides) × `multiplier`; fixed: `min`..`max` × attribute multiplier
   */
  source: z.enum(['weapon', 'fixed']),
  multiplier: z.number().positive().default(1),
  min: z.int().min(0).optional(),
  max: z.int().min(0).optional(),
  damageType: z.enum(DAMAGE_TYPES).optional(),
});

export const AbilityTemplateSchema = z
  .object({
    id: Id,
    name: z.string().min(2),
    description: z.string().min(5),
    /** class id, or 'npc' for abilities only NPCs use */
    owner: z.string().regex(/^[a-z0-9_]+$/),
    role: z.enum(ABILITY_ROLES),
    school: z.enum(ABILITY_SCHOOLS),
    target: z.enum(ABILITY_TARGETS),
    /** metres between user and target (ignored for self); 0 = use the weapon's reach */
    range: z.number().min(0),
    /** metres: hits every hostile within this radius of the target (or of the user for self-targeted) */
    radius: z.number().positive().optional(),
    /** at most this many targets are hit by an area ability */
    maxTargets: z.int().min(1).max(20).optional(),
    /** 0 = instant; a cast is interrupted by moving, a stun, or (tech) a silence */
    castMs: z.int().min(0),
    cooldownMs: z.int().min(0),
    /** triggers and respects the global cooldown (GCD_MS) */
    gcd: z.boolean().default(true),
    /** resource (class energy / RAM) spent when the ability goes off */
    cost: z.int().min(0),
    /** the player level from which the ability is on the bar */
    level: z.int().min(1).max(50).default(1),
    damage: AbilityDamageSchema.optional(),
    heal: z
      .object({
        /** flat healing + fraction of the target's max health */
        amount: z.int().min(0),
        pctOfMax: z.number().min(0).max(1).default(0),
      })
      .optional(),
    /** status effects applied to the target(s) (or to the user when target is self) */
    effects: z
      .array(
        z.object({
          effectId: Id,
          /** 0..1, default 1 */
          chance: z.number().min(0).max(1).default(1),
        }),
      )
      .default([]),
    /** threat multiplier for damage/healing done with it (taunts > 1) */
    threat: z.number().min(0).default(1),
    /** single glyph/short key the ability bar icon draws */
    icon: z.string().min(1).max(3),
  })
  .refine((a) => a.target === 'self' || a.range >= 0, 'range required')
  .refine((a) => a.damage || a.heal || a.effects.length > 0, 'an ability must do something');
export type AbilityTemplate = z.infer<typeof AbilityTemplateSchema>;
export type AbilityTemplateInput = z.input<typeof AbilityTemplateSchema>;
