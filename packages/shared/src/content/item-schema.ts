/** Item content types. The data lives in items/*.ts; the seed copies it into ItemTemplate. */
import { z } from 'zod';
import { ATTRIBUTE_KEYS } from './attributes';
import { CLASS_IDS } from './classes';

export const RARITIES = ['common', 'uncommon', 'rare', 'epic', 'legendary'] as const;
export type Rarity = (typeof RARITIES)[number];

export const ITEM_KINDS = [
  'weapon',
  'armor',
  'cyberware',
  'consumable',
  'material',
  'junk',
  /** quest items: bind on pickup, never sold, taken at turn-in */
  'quest',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Equipment slots; an equipped item's `slot` column is the index in this list. */
export const EQUIPMENT_SLOTS = [
  'head',
  'body',
  'legs',
  'feet',
  'hands',
  'main_hand',
  'off_hand',
  'cyber_1',
  'cyber_2',
] as const;
export type EquipmentSlot = (typeof EQUIPMENT_SLOTS)[number];
/** What a template says it fits; cyberware fits either cyber slot. */
export const TEMPLATE_SLOTS = [
  'head',
  'body',
  'legs',
  'feet',
  'hands',
  'main_hand',
  'off_hand',
  'two_hand',
  'cyberware',
] as const;
export type TemplateSlot = (typeof TEMPLATE_SLOTS)[number];

export const DAMAGE_TYPES = ['physical', 'thermal', 'electrical', 'chemical'] as const;
export type DamageType = (typeof DAMAGE_TYPES)[number];

export const BINDINGS = ['none', 'pickup', 'equip'] as const;
export type Binding = (typeof BINDINGS)[number];

/** Stat bonuses an item gives while equipped (and not broken). */
export const ItemStatsSchema = z
  .object({
    damageMin: z.int().min(0),
    damageMax: z.int().min(0),
    damageType: z.enum(DAMAGE_TYPES),
    /** attacks per second */
    attackSpeed: z.number().positive(),
    /** metres */
    range: z.number().positive(),
    armor: z.int().min(0),
    critChance: z.number().min(0).max(1),
    maxHealth: z.int(),
    carryWeight: z.number(),
    /** multiplier bonus, e.g. 0.05 = +5 % move speed */
    moveSpeed: z.number().min(-0.5).max(0.5),
    resist: z.partialRecord(z.enum(DAMAGE_TYPES), z.int().min(0)),
    attributes: z.partialRecord(z.enum(ATTRIBUTE_KEYS), z.int()),
  })
  .partial();
export type ItemStats = z.infer<typeof ItemStatsSchema>;

export const ConsumableEffectSchema = z.object({
  heal: z.int().min(0).optional(),
  /** seconds */
  cooldown: z.number().min(0).default(0),
});

export const ItemTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    name: z.string().min(2),
    description: z.string(),
    kind: z.enum(ITEM_KINDS),
    slot: z.enum(TEMPLATE_SLOTS).optional(),
    rarity: z.enum(RARITIES),
    levelReq: z.int().min(1).max(50),
    classReq: z.array(z.enum(CLASS_IDS)).optional(),
    stackSize: z.int().min(1).max(999),
    /** kg per unit */
    weight: z.number().min(0),
    /** base price in eddies per unit */
    value: z.int().min(0),
    binding: z.enum(BINDINGS),
    maxDurability: z.int().positive().optional(),
    stats: ItemStatsSchema.optional(),
    effect: ConsumableEffectSchema.optional(),
    /** one or two characters drawn in the inventory grid */
    glyph: z.string().min(1).max(2),
  })
  .refine(
    (t) =>
      (t.kind === 'weapon' || t.kind === 'armor' || t.kind === 'cyberware') ===
      (t.slot !== undefined),
    {
      message: 'equippable kinds (weapon, armor, cyberware) need a slot; others must not have one',
    },
  )
  .refine((t) => t.slot === undefined || t.stackSize === 1, {
    message: 'equippable items do not stack',
  })
  .refine((t) => (t.kind === 'weapon' || t.kind === 'armor') === (t.maxDurability !== undefined), {
    message: 'weapons and armour have durability; other kinds do not',
  })
  .refine((t) => t.kind !== 'weapon' || (t.stats?.damageMax ?? 0) >= (t.stats?.damageMin ?? 0), {
    message: 'damageMax must be at least damageMin',
  });
export type ItemTemplate = z.infer<typeof ItemTemplateSchema>;
/** What content files write (defaults not yet applied). */
export type ItemTemplateInput = z.input<typeof ItemTemplateSchema>;
