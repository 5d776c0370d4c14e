/** NPC content types. The data lives in npcs.ts; checkContent cross-checks it. */
import { z } from 'zod';
import { DAMAGE_TYPES } from './item-schema';
import { LEVEL_CAP } from './progression';

export const NPC_RANKS = ['normal', 'elite', 'boss'] as const;
export type NpcRank = (typeof NPC_RANKS)[number];

export const NpcBehaviourSchema = z.object({
  /** metres: a player closer than this (and in line of sight) is attacked */
  aggroRange: z.number().min(0),
  /** metres from home: pulled further, the NPC returns home and resets its health */
  leashRange: z.number().positive(),
  /** fraction of max health below which the NPC flees (absent: never flees) */
  fleeAtHealth: z.number().min(0).max(1).optional(),
  /** walks its spawn area when idle */
  patrol: z.boolean().optional(),
});
export type NpcBehaviour = z.infer<typeof NpcBehaviourSchema>;

export const TELEGRAPH_SHAPES = ['circle', 'line'] as const;
export type TelegraphShape = (typeof TELEGRAPH_SHAPES)[number];

/**
 * A boss's telegraphed attack: announced on the ground first, landing `windupMs`
 * later on every enemy still inside — no hit roll (stepping out is the defence).
 */
export const BossAttackSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    name: z.string().min(2),
    /** circle: a disc of `radius`; line: a strip `length` long and 2 × `radius` wide from the boss */
    shape: z.enum(TELEGRAPH_SHAPES),
    /**
     * Where it is aimed when announced (it stays there): `target` the boss's current
     * target, `random` anyone on its threat table (the zone's seeded AI stream picks),
     * `self` around the boss (a circle only).
     */
    aim: z.enum(['target', 'random', 'self']),
    /** metres: a circle's radius, a line's half width */
    radius: z.number().positive().max(30),
    /** metres, lines only */
    length: z.number().positive().max(60).optional(),
    /** the telegraph: ms from the announcement to the impact */
    windupMs: z.int().min(500).max(10_000),
    damageMin: z.int().min(0),
    damageMax: z.int().min(0),
    damageType: z.enum(DAMAGE_TYPES),
    /** ms from one announcement of this attack to the next */
    cooldownMs: z.int().positive(),
  })
  .refine((a) => a.damageMax >= a.damageMin, { message: 'damageMax must be at least damageMin' })
  .refine((a) => (a.shape === 'line') === (a.length !== undefined), {
    message: 'a line needs a length, a circle has none',
  })
  .refine((a) => !(a.shape === 'line' && a.aim === 'self'), {
    message: 'a line is aimed at someone',
  });
export type BossAttack = z.infer<typeof BossAttackSchema>;

export const BossPhaseSchema = z.object({
  /** the phase begins when health falls below this fraction of max (the first phase: 1) */
  belowHealth: z.number().gt(0).max(1),
  /** said (in the browser) when the phase begins */
  announce: z.string().min(2),
  /** attack ids of this boss usable in this phase */
  attacks: z.array(z.string()).min(1),
  /** wind-ups take this fraction of the attack's windupMs (later phases cast faster) */
  windupFactor: z.number().gt(0).max(1).default(1),
  /** ms after an impact before the next announcement */
  gapMs: z.int().min(0).default(1000),
});
export type BossPhase = z.infer<typeof BossPhaseSchema>;

/** What makes an NPC a boss encounter: its attacks and the phases that use them. */
export const BossBlockSchema = z
  .object({
    attacks: z.array(BossAttackSchema).min(1),
    phases: z.array(BossPhaseSchema).min(2),
  })
  .superRefine((b, ctx) => {
    const ids = new Set(b.attacks.map((a) => a.id));
    if (ids.size !== b.attacks.length)
      ctx.addIssue({ code: 'custom', message: 'attack ids must be unique' });
    if (b.phases[0]?.belowHealth !== 1)
      ctx.addIssue({ code: 'custom', message: 'the first phase starts at full health (1)' });
    b.phases.forEach((p, i) => {
      const prev = b.phases[i - 1];
      if (prev && p.belowHealth >= prev.belowHealth)
        ctx.addIssue({ code: 'custom', message: `phase ${i} must start below phase ${i - 1}` });
      for (const id of p.attacks)
        if (!ids.has(id))
          ctx.addIssue({ code: 'custom', message: `phase ${i}: unknown attack ${id}` });
    });
  });
export type BossBlock = z.infer<typeof BossBlockSchema>;

export const NpcTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    name: z.string().min(2),
    level: z.int().min(1).max(LEVEL_CAP),
    rank: z.enum(NPC_RANKS),
    health: z.int().positive(),
    damageMin: z.int().min(0),
    damageMax: z.int().min(0),
    damageType: z.enum(DAMAGE_TYPES),
    /** attacks per second */
    attackSpeed: z.number().positive(),
    /** metres */
    range: z.number().positive(),
    armor: z.int().min(0),
    resist: z.partialRecord(z.enum(DAMAGE_TYPES), z.int().min(0)),
    /** ability ids (combat content defines them; may be empty until then) */
    abilities: z.array(z.string().regex(/^[a-z0-9_]+$/)),
    /** id in content/loot-tables.ts, rolled at the NPC's level on death */
    lootTable: z.string(),
    respawnSeconds: z.number().positive(),
    /** faction id: NPCs of one faction do not fight each other and assist each other */
    faction: z.string().regex(/^[a-z0-9_]+$/),
    behaviour: NpcBehaviourSchema,
    /** XP for a kill by a character of the same level (rules/combat.ts xpForKill scales it) */
    xp: z.int().min(0),
    /** a boss encounter: telegraphed attacks by phase (docs/instances.md "Boss encounters") */
    boss: BossBlockSchema.optional(),
  })
  .refine((t) => t.damageMax >= t.damageMin, { message: 'damageMax must be at least damageMin' })
  .refine((t) => !t.boss || t.rank === 'boss', { message: 'a boss block needs rank boss' });
export type NpcTemplate = z.infer<typeof NpcTemplateSchema>;
/** What content files write (defaults not yet applied). */
export type NpcTemplateInput = z.input<typeof NpcTemplateSchema>;
