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
  })
  .refine((t) => t.damageMax >= t.damageMin, { message: 'damageMax must be at least damageMin' });
export type NpcTemplate = z.infer<typeof NpcTemplateSchema>;
/** What content files write (defaults not yet applied). */
export type NpcTemplateInput = z.input<typeof NpcTemplateSchema>;
