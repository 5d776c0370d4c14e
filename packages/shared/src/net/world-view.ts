/**
 * What a client is told of the world it stands in: the zone, the entities that
 * enter its view, the welcome, the snapshot deltas and the combat events in them.
 * The snapshot codec and reader depend only on these shapes.
 */
import type { DamageType, Rarity } from '../content/item-schema';
import type { NpcRank, TelegraphShape } from '../content/npc-schema';

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
export type EffectBrief = [string, number, number];

/**
 * The own character's combat state, sent in a snapshot whenever it changed.
 * Times are ms remaining at the snapshot's tick (the client counts them down).
 */
export interface SelfCombatState {
  resource: number;
  maxResource: number;
  /** ms until the GCD ends (0: ready) */
  gcd: number;
  /** ability id → [ms remaining, full cooldown ms]; only abilities cooling down */
  cd: Record<string, [number, number]>;
  /** cast in progress */
  cast: { ability: string; target: number; total: number; left: number } | null;
  /** dead: ms until respawn is allowed, and until the automatic respawn */
  dead: { canRespawnIn: number; autoRespawnIn: number } | null;
  inCombat: boolean;
}

export interface ZoneInfo {
  id: string;
  name: string;
  width: number;
  height: number;
  streets: { x: number; y: number; w: number; h: number; name?: string }[];
  /** buildings: block movement and line of sight (predict with the same rule) */
  obstacles: { x: number; y: number; w: number; h: number; name?: string }[];
  spawnPoints: { id: string; kind: string; name: string; x: number; y: number }[];
  /** named areas (landmarks): drawn on the map, entering one shows its name */
  areas: { id: string; name: string; x: number; y: number; radius: number }[];
}

/** `contact`: a non-combat person (quest giver, vendor); its templateId is the contact id. */
export type EntityKind = 'player' | 'npc' | 'drop' | 'crate' | 'contact';

/** How an NPC relates to players: hostile ones aggro, neutral ones fight back when hit. */
export type NpcDisposition = 'hostile' | 'neutral';

/** What lies on the ground in a drop. */
export interface DropItemInfo {
  templateId: string;
  quantity: number;
  rarity: Rarity;
}

/**
 * Full description of an entity when it enters a client's view. Drops and crates
 * carry level/health 0; a drop's `name` is its item's name, a crate's its spawn point's.
 */
export interface EntityInfo {
  eid: number;
  kind: EntityKind;
  name: string;
  level: number;
  health: number;
  maxHealth: number;
  /** cm */
  x: number;
  y: number;
  /** drops only */
  item?: DropItemInfo;
  /** drops only: who may pick it up before `freeAt` (null: anyone) */
  ownerCharacterId?: string | null;
  /** drops only: the owner's name, while it has one ("Reserved for Kira — free in 23 s") */
  ownerName?: string;
  /** drops only: epoch ms on the server's clock (see net:ping) from which anyone may pick it up */
  freeAt?: number;
  /** players in a guild: its tag, shown before the name ([TAG] Name) */
  guildTag?: string;
  /** players showing an achievement title (its text), drawn under the name */
  title?: string;
  /** drops only: a party's loot — its members may pick it up before `freeAt` too */
  partyId?: string;
  /** drops only: held for the party's need/greed roll until decided (server epoch ms) */
  rollUntil?: number;
  /** npcs: content template id (name/rank/abilities come from content); contacts: the contact id */
  templateId?: string;
  /** npcs only */
  rank?: NpcRank;
  disposition?: NpcDisposition;
  /** players only: class id (the client picks the ability bar from it) */
  classId?: string;
  /** players only: origin id (streetkid, nomad, corpo): drawn in the figure's outfit */
  origin?: string;
  /** players only: the item template in the main hand (its weapon is drawn), absent: fists */
  weapon?: string;
  /** players and npcs: true while dead (a player waiting to respawn, an NPC corpse) */
  dead?: boolean;
  /**
   * players only: true while its client is gone and the character waits out the
   * reconnect window (RECONNECT_GRACE_MS) in the world: drawn dimmed, "disconnected"
   * on its plate; a reconnect describes it again without the flag
   */
  disconnected?: boolean;
  /** status effects on it when it entered view */
  effects?: EffectBrief[];
}

export interface SelfInfo extends EntityInfo {
  characterId: string;
  speed: number;
  classId: string;
  /** ability ids on the bar, in key order 1–6 (class abilities available at the character's level) */
  abilities: string[];
  combat: SelfCombatState;
}

export interface WelcomeMsg {
  zone: ZoneInfo;
  self: SelfInfo;
  tick: number;
  tickHz: number;
  /** true when this connection took over a character kept alive in the reconnect window */
  resumed: boolean;
  /** last input seq the server applied for this character (continue numbering after it) */
  lastSeq: number;
}

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
