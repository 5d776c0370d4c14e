/**
 * What a client is told of the world it stands in: the zone, the entities that
 * enter its view, the welcome, the snapshot deltas and the combat events in them.
 * The snapshot codec and reader depend only on these shapes.
 */
import { z } from 'zod';
import { RARITIES, type DamageType } from '../content/item-schema';
import { NPC_RANKS, type TelegraphShape } from '../content/npc-schema';

/**
 * One thing that happened in combat this tick, sent to every client that has the
 * source or the target in view (and always to both parties).
 * - hit / miss: `src` used `ab` on `dst` for `n` damage (`crit`, damage `type`); `absorbed` by a shield
 * - heal: `src` healed `dst` for `n`
 * - tick: a dot (n>0 damage) or hot (`heal` true) of effect `fx` ticked on `dst`
 * - cast: `src` started casting `ab` on `dst` (0 = self), ending after `ms`
 * - interrupt: `src`'s cast of `ab` stopped (moved, stunned, silenced, cancelled)
 * - effect: effect `fx` was applied to `dst` by `src` (`ms` duration, `stacks`)
 * - death: `dst` died (killed by `src`, 0 if unknown)
 * - respawn: `dst` came back (player respawn or NPC respawn)
 * - telegraph: boss `src` announced attack `ab` aimed at `dst` (0: a point or itself);
 *   it lands `ms` after this tick on the area `shape` (x, y, r; a line also len, dir:
 *   rules/telegraph.ts). A boss's death or reset first sends an `interrupt` of `ab`.
 * - phase: boss `src` entered phase `n` (0 = the first; its template's boss.phases[n])
 */
export type CombatEventKind =
  | 'hit'
  | 'miss'
  | 'heal'
  | 'tick'
  | 'cast'
  | 'interrupt'
  | 'effect'
  | 'death'
  | 'respawn'
  | 'telegraph'
  | 'phase';
export interface CombatEvent {
  k: CombatEventKind;
  src: number;
  dst: number;
  ab?: string;
  fx?: string;
  n?: number;
  crit?: boolean;
  type?: DamageType;
  absorbed?: number;
  heal?: boolean;
  ms?: number;
  stacks?: number;
  /** telegraph: the area (metres; rules/telegraph.ts TelegraphArea) */
  shape?: TelegraphShape;
  x?: number;
  y?: number;
  r?: number;
  len?: number;
  dir?: number;
}

/** A status effect on an entity, as shown on its frame: effect id, ms left, stacks. */
export const EffectBriefSchema = z.tuple([z.string(), z.number(), z.number()]);
export type EffectBrief = z.infer<typeof EffectBriefSchema>;

/**
 * The own character's combat state, sent in a snapshot whenever it changed.
 * Times are ms remaining at the snapshot's tick (the client counts them down).
 */
export const SelfCombatStateSchema = z.object({
  resource: z.number(),
  maxResource: z.number(),
  /** ms until the GCD ends (0: ready) */
  gcd: z.number(),
  /** ability id → [ms remaining, full cooldown ms]; only abilities cooling down */
  cd: z.record(z.string(), z.tuple([z.number(), z.number()])),
  /** cast in progress */
  cast: z
    .object({ ability: z.string(), target: z.number(), total: z.number(), left: z.number() })
    .nullable(),
  /** dead: ms until respawn is allowed, and until the automatic respawn */
  dead: z.object({ canRespawnIn: z.number(), autoRespawnIn: z.number() }).nullable(),
  inCombat: z.boolean(),
});
export type SelfCombatState = z.infer<typeof SelfCombatStateSchema>;

const RectSchema = z.object({
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
  name: z.string().optional(),
});

export const ZoneInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  width: z.number(),
  height: z.number(),
  streets: z.array(RectSchema),
  /** buildings: block movement and line of sight (predict with the same rule) */
  obstacles: z.array(RectSchema),
  spawnPoints: z.array(
    z.object({ id: z.string(), kind: z.string(), name: z.string(), x: z.number(), y: z.number() }),
  ),
  /** named areas (landmarks): drawn on the map, entering one shows its name */
  areas: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      x: z.number(),
      y: z.number(),
      radius: z.number(),
    }),
  ),
});
export type ZoneInfo = z.infer<typeof ZoneInfoSchema>;

/** `contact`: a non-combat person (quest giver, vendor); its templateId is the contact id. */
export const ENTITY_KINDS = ['player', 'npc', 'drop', 'crate', 'contact'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** How an NPC relates to players: hostile ones aggro, neutral ones fight back when hit. */
export const NPC_DISPOSITIONS = ['hostile', 'neutral'] as const;
export type NpcDisposition = (typeof NPC_DISPOSITIONS)[number];

/** What lies on the ground in a drop. */
export const DropItemInfoSchema = z.object({
  templateId: z.string(),
  quantity: z.number(),
  rarity: z.enum(RARITIES),
});
export type DropItemInfo = z.infer<typeof DropItemInfoSchema>;

export const EntityInfoSchema = z.object({
  eid: z.number(),
  kind: z.enum(ENTITY_KINDS),
  name: z.string(),
  level: z.number(),
  health: z.number(),
  maxHealth: z.number(),
  /** cm */
  x: z.number(),
  y: z.number(),
  /** drops only */
  item: DropItemInfoSchema.optional(),
  /** drops only: who may pick it up before `freeAt` (null: anyone) */
  ownerCharacterId: z.string().nullable().optional(),
  /** drops only: the owner's name, while it has one ("Reserved for Kira — free in 23 s") */
  ownerName: z.string().optional(),
  /** drops only: epoch ms on the server's clock (see net:ping) from which anyone may pick it up */
  freeAt: z.number().optional(),
  /** players in a guild: its tag, shown before the name ([TAG] Name) */
  guildTag: z.string().optional(),
  /** players showing an achievement title (its text), drawn under the name */
  title: z.string().optional(),
  /** drops only: a party's loot — its members may pick it up before `freeAt` too */
  partyId: z.string().optional(),
  /** drops only: held for the party's need/greed roll until decided (server epoch ms) */
  rollUntil: z.number().optional(),
  /** npcs: content template id (name/rank/abilities come from content); contacts: the contact id */
  templateId: z.string().optional(),
  /** npcs only */
  rank: z.enum(NPC_RANKS).optional(),
  disposition: z.enum(NPC_DISPOSITIONS).optional(),
  /** players only: class id (the client picks the ability bar from it) */
  classId: z.string().optional(),
  /** players only: origin id (streetkid, nomad, corpo): drawn in the figure's outfit */
  origin: z.string().optional(),
  /** players only: the item template in the main hand (its weapon is drawn), absent: fists */
  weapon: z.string().optional(),
  /** players and npcs: true while dead (a player waiting to respawn, an NPC corpse) */
  dead: z.boolean().optional(),
  /**
   * players only: true while its client is gone and the character waits out the
   * reconnect window (RECONNECT_GRACE_MS) in the world: drawn dimmed, "disconnected"
   * on its plate; a reconnect describes it again without the flag
   */
  disconnected: z.boolean().optional(),
  /** status effects on it when it entered view */
  effects: z.array(EffectBriefSchema).optional(),
});
/**
 * Full description of an entity when it enters a client's view. Drops and crates
 * carry level/health 0; a drop's `name` is its item's name, a crate's its spawn point's.
 */
export type EntityInfo = z.infer<typeof EntityInfoSchema>;

export const SelfInfoSchema = EntityInfoSchema.extend({
  characterId: z.string(),
  speed: z.number(),
  classId: z.string(),
  /** ability ids on the bar, in key order 1–6 (class abilities available at the character's level) */
  abilities: z.array(z.string()),
  combat: SelfCombatStateSchema,
});
export type SelfInfo = z.infer<typeof SelfInfoSchema>;

/** zone:welcome — the zone and the own character, once per connection (before any snapshot). */
export const WelcomeMsgSchema = z.object({
  zone: ZoneInfoSchema,
  self: SelfInfoSchema,
  tick: z.number(),
  tickHz: z.number(),
  /** true when this connection took over a character kept alive in the reconnect window */
  resumed: z.boolean(),
  /** last input seq the server applied for this character (continue numbering after it) */
  lastSeq: z.number(),
});
export type WelcomeMsg = z.infer<typeof WelcomeMsgSchema>;

/**
 * Delta snapshot for one client: only what changed in its view since the last one.
 * On the wire it is a binary frame (see snapshot-codec.ts); SnapshotReader turns
 * frames back into this shape with real eids and absolute positions.
 */
export interface SnapshotMsg {
  /** server tick */
  t: number;
  /** last input seq applied for this client */
  ack: number;
  /** own position (cm), authoritative */
  me: [number, number];
  /** moved entities in view: [eid, x cm, y cm, heading byte (see headingByte)] */
  mv: [number, number, number, number?][];
  /** entities that entered view, or in view and described again (a new title): replace it */
  add: EntityInfo[];
  /** eids that left view */
  del: number[];
  /** health changed (self included): [eid, health, maxHealth] */
  hp?: [number, number, number][];
  /** combat events this tick that this client can see */
  ev?: CombatEvent[];
  /** status effects changed: [eid, the full current list] (self included) */
  fx?: [number, EffectBrief[]][];
  /** entities that died ([eid, true]) or came back ([eid, false]) — self included */
  dead?: [number, boolean][];
  /** own combat state, when it changed since the last snapshot */
  self?: SelfCombatState;
}
