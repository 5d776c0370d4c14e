/**
 * Socket contracts between the browser and apps/sim. Every client→server payload
 * has a Zod schema here and is parsed by the sim before anything else happens.
 * Positions on the wire are integers in centimetres (compact, no float noise).
 */
import type {
  ArenaResultMsg,
  ArenaStateMsg,
  InstanceClearedMsg,
  InstanceLeaveResult,
  InstanceRosterMsg,
  InstanceTransferMsg,
} from '../instances/instance-messages';
import { QUANTUM_SYNC_TOKEN_MAX_LENGTH } from '../instances/instance-rules';
import { z } from 'zod';
import { MAX_INPUT_MS } from '../rules/movement';
import type { DamageType, Rarity } from '../content/item-schema';
import type { NpcRank, TelegraphShape } from '../content/npc-schema';
import { IdSchema } from '../schemas/primitives';
import type { Refusal } from './refusals';
import type {
  MatchFoundMsg,
  MatchStatusMsg,
  ReadyCheckAnswerResult,
} from '../matchmaking/queue-messages';
import type {
  ChatMessage,
  ChatSendResult,
  FriendPresenceMsg,
  PartyInvitedMsg,
  PartyViewMsg,
  PartyVitalsMsg,
} from '../chat/chat-rules';
import type { LootAssignStartMsg, LootRollResultMsg, LootRollStartMsg } from '../rules/party-loot';
import type { NotificationView } from '../notifications/notification-rules';
import type { GuildInvitedMsg, GuildUpdateMsg } from '../guild/guild-rules';

export const MoveInputSchema = z.object({
  /** client input sequence number; the server acks the last one applied */
  seq: z
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  dx: z.number().min(-1).max(1),
  dy: z.number().min(-1).max(1),
  /** how long this input was held, ms */
  ms: z.int().min(1).max(MAX_INPUT_MS),
});
export type MoveInput = z.infer<typeof MoveInputSchema>;

export const PingSchema = z.object({ t: z.number().finite() });

/** loot:pickup, crate:open: the entity's eid as seen in a snapshot. */
export const EntityRefSchema = z.object({
  eid: z
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});
export type EntityRef = z.infer<typeof EntityRefSchema>;
export const LootPickupSchema = EntityRefSchema;
export const CrateOpenSchema = EntityRefSchema;

/** inventory:drop — put a bag item (or `quantity` of its stack) on the ground at your feet. */
export const InventoryDropSchema = z.object({
  itemId: IdSchema,
  quantity: z.int().min(1).max(999).optional(),
});
export type InventoryDrop = z.infer<typeof InventoryDropSchema>;

/** admin:loot — ADMIN tickets only: roll a loot table into a drop at your feet. */
export const AdminLootSchema = z.object({
  tableId: z
    .string()
    .max(64)
    .regex(/^[a-z0-9_]+$/),
});
export type AdminLoot = z.infer<typeof AdminLootSchema>;

/**
 * combat:use — "use ability X on target Y". `target` is an eid from a snapshot
 * (omit for self-targeted abilities; for ally heals omit = self). `viewTick` is the
 * server tick the client was showing the target at (its interpolation time): the
 * server judges range and line against where the target was then (bounded rewind).
 */
export const CombatUseSchema = z.object({
  ability: z
    .string()
    .max(64)
    .regex(/^[a-z0-9_]+$/),
  target: z
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
  viewTick: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});
export type CombatUse = z.infer<typeof CombatUseSchema>;
/** combat:cancel — stop the cast in progress (moving also cancels it). */
export const CombatCancelSchema = z.object({});
/** combat:respawn — a dead player asks to respawn at the nearest medical centre. */
export const CombatRespawnSchema = z.object({});

/** zone:travel — ride the metro from a station within INTERACT_RANGE to another district's station. */
export const ZoneTravelSchema = z.object({
  to: z
    .string()
    .max(32)
    .regex(/^[a-z0-9-]+$/),
});
export type ZoneTravel = z.infer<typeof ZoneTravelSchema>;

/** item:use — use one of a bag stack (a consumable heals; quest items count for `use` objectives). */
export const ItemUseSchema = z.object({ itemId: IdSchema });
export type ItemUse = z.infer<typeof ItemUseSchema>;

/** Ack of combat:use: the ability went off (castMs 0) or its cast started. */
export interface CombatUseResult {
  ability: string;
  /** 0 for instant abilities */
  castMs: number;
}

/** Ack of combat:respawn. */
export interface RespawnResult {
  x: number;
  y: number;
  health: number;
}

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

/** A drop as reported in acks. */
export interface DropRef {
  eid: number;
  item: DropItemInfo;
}

/** Ack of loot:pickup: what went into the bag. */
export interface PickupResult {
  item: DropItemInfo;
}

/** Ack of crate:open and admin:loot: the drops made (owned by you) and eddies credited straight to you. */
export interface LootResult {
  drops: DropRef[];
  eddies: number;
}

/**
 * Ack of zone:travel: the district you arrive in. A zone:welcome for it follows on
 * this connection — unless `simUrl` is set: another sim process runs that district
 * (the character is saved there already), so the client fetches a fresh ticket and
 * connects to the URL it names; the welcome comes from there.
 */
export const TravelResultSchema = z.object({
  zoneId: z.string().min(1),
  zoneName: z.string(),
  simUrl: z.string().min(1).optional(),
});
export type TravelResult = z.infer<typeof TravelResultSchema>;

/** Ack of item:use. */
export interface ItemUseResult {
  templateId: string;
  /** health restored (0 for items that do not heal) */
  healed: number;
  /** ms until another item with this template can be used */
  cooldownMs: number;
}

/**
 * quest:update — a quest of yours changed outside a request you made (an outbox
 * event advanced it: a kill, a pickup, a place reached, an item used; or it failed).
 * The client toasts it and refetches the quest log.
 */
export interface QuestUpdateMsg {
  questId: string;
  title: string;
  kind: 'progress' | 'ready' | 'failed';
  objective?: { id: string; label: string; progress: number; target: number };
  /** failed: why ('timer', 'npc_killed', …) */
  reason?: string;
}

/** reputation:changed — standings moved outside a request you made (kills). */
export interface ReputationChangedMsg {
  changes: {
    factionId: string;
    factionName: string;
    delta: number;
    standing: number;
    tier: string;
    tierChanged: boolean;
  }[];
  /** what caused it: "Tyger Claws Punk killed" */
  source: string;
}

/** zone:area — you entered a named area of the zone (shown as a banner). */
export interface AreaEnteredMsg {
  areaId: string;
  name: string;
}

/** Ack of inventory:drop: the drop now lying at your feet (yours until its freeAt). */
export interface ItemDropResult {
  drop: DropRef;
}

/**
 * char:stats — the character's derived numbers, sent at connect, after pickups and
 * drops, and whenever the database says gear, weight or attributes changed (the
 * `character.stats_changed` domain event: equip, vendor, bank … through the API;
 * the client never asks for it). `speed` (m/s) is what the server moves you
 * with: predict with it. weight/carryWeight in kg (over carryWeight slows you).
 */
export interface CharStatsMsg {
  speed: number;
  maxHealth: number;
  health: number;
  level: number;
  weight: number;
  carryWeight: number;
}

/** An ack's error: always a typed Refusal (net/refusals.ts). */
export type AckError = Refusal;
export type Ack<T = undefined> = { ok: true; data: T } | { ok: false; error: AckError };

/**
 * `signed_out`: every session of the account was revoked (sign out everywhere, password change).
 * `zone_moved`: this sim process no longer owns the character's zone; the client fetches
 * a new ticket (it names the new owner's URL) and reconnects there by itself.
 */
export const KICK_REASONS = [
  'takeover',
  'bad_payloads',
  'server_shutdown',
  'banned',
  'signed_out',
  'zone_moved',
] as const;
export type KickReason = (typeof KICK_REASONS)[number];

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

/**
 * progress:xp — XP gained (kills now, quests later). A level-up also brings a
 * char:stats with the new maxHealth.
 */
export interface XpGainMsg {
  xpGained: number;
  /** total XP now */
  xp: number;
  level: number;
  levelsGained: number;
  /** what earned it, e.g. the NPC's name */
  source: string;
}

export interface KickMsg {
  reason: KickReason;
  message: string;
}

export interface ServerToClientEvents {
  'zone:welcome': (msg: WelcomeMsg) => void;
  /** the binary frame (one websocket frame; needs `snapshotParser`): read it with SnapshotReader */
  'zone:snapshot': (frame: Uint8Array) => void;
  'session:kicked': (msg: KickMsg) => void;
  'char:stats': (msg: CharStatsMsg) => void;
  'progress:xp': (msg: XpGainMsg) => void;
  'quest:update': (msg: QuestUpdateMsg) => void;
  'reputation:changed': (msg: ReputationChangedMsg) => void;
  'zone:area': (msg: AreaEnteredMsg) => void;
  /** one chat message of a channel this player reads (already filtered for ignores) */
  'chat:message': (msg: ChatMessage) => void;
  /** the last messages of every channel this player reads, oldest first (on entering and on asking) */
  'chat:history': (msg: { messages: ChatMessage[] }) => void;
  /** a friend came online, went AFK, changed district or left */
  'friend:presence': (msg: FriendPresenceMsg) => void;
  /** someone invites you to a party */
  'party:invited': (msg: PartyInvitedMsg) => void;
  /** your party now (null: you are in none) — on entering and after every change */
  'party:update': (msg: { party: PartyViewMsg | null }) => void;
  /** members' health, level and position, every PARTY_VITALS_MS from each sim holding some */
  'party:vitals': (msg: PartyVitalsMsg) => void;
  /** a drop the party rolls for (need / greed / pass within LOOT_ROLL_MS) */
  'loot:roll_start': (msg: LootRollStartMsg) => void;
  /** how a roll went */
  'loot:roll_result': (msg: LootRollResultMsg) => void;
  /** to the leader (leader mode): a drop to give to a member */
  'loot:assign_start': (msg: LootAssignStartMsg) => void;
  /** a notification for this character (the bell; persistent, listed by notifications.list) */
  'notification:new': (msg: Omit<NotificationView, 'read'>) => void;
  /** the leader gave you a drop: it is yours to pick up */
  'loot:given': (msg: { dropId: string; name: string; from: string }) => void;
  /** someone invites you to a guild (accept it through the web API, guild.accept) */
  'guild:invited': (msg: GuildInvitedMsg) => void;
  /** your guild (null: none) — on entering, and after every change (joined, left, kicked, disbanded, roster): refetch */
  'guild:update': (msg: GuildUpdateMsg) => void;
  /** you move into or out of an instance: reconnect with a new ticket (instances/instance-messages.ts) */
  'instance:transfer': (msg: InstanceTransferMsg) => void;
  /** the arena's scoreboard, every ARENA_STATE_MS while you are in one */
  'arena:state': (msg: ArenaStateMsg) => void;
  /** how your arena match ended, with everyone's rating change */
  'arena:result': (msg: ArenaResultMsg) => void;
  /** the dungeon's or raid's boss is down: you are credited, the instance closes closeInMs later */
  'instance:cleared': (msg: InstanceClearedMsg) => void;
  /** your dungeon group changed: someone left (a replacement is looked for), was found, joined */
  'instance:roster': (msg: InstanceRosterMsg) => void;
  /** a match formed with you in it: its ready check (matchmaking/queue-messages.ts) */
  'match:found': (msg: MatchFoundMsg) => void;
  /** your matchmaking status changed (queued, left, requeued, penalised, confirmed …), and on connecting */
  'match:status': (msg: MatchStatusMsg) => void;
}

export interface ClientToServerEvents {
  'zone:move': (input: unknown, ack?: (res: Ack) => void) => void;
  'net:ping': (input: unknown, ack: (res: Ack<{ t: number; server: number }>) => void) => void;
  'loot:pickup': (input: unknown, ack?: (res: Ack<PickupResult>) => void) => void;
  'crate:open': (input: unknown, ack?: (res: Ack<LootResult>) => void) => void;
  'inventory:drop': (input: unknown, ack?: (res: Ack<ItemDropResult>) => void) => void;
  'admin:loot': (input: unknown, ack?: (res: Ack<LootResult>) => void) => void;
  'combat:use': (input: unknown, ack?: (res: Ack<CombatUseResult>) => void) => void;
  'combat:cancel': (input: unknown, ack?: (res: Ack) => void) => void;
  'combat:respawn': (input: unknown, ack?: (res: Ack<RespawnResult>) => void) => void;
  'zone:travel': (input: unknown, ack?: (res: Ack<TravelResult>) => void) => void;
  'item:use': (input: unknown, ack?: (res: Ack<ItemUseResult>) => void) => void;
  'chat:send': (input: unknown, ack?: (res: Ack<ChatSendResult>) => void) => void;
  'chat:report': (input: unknown, ack?: (res: Ack) => void) => void;
  /** report a character by name (the player menu): reason, note; kept for moderators */
  'player:report': (input: unknown, ack?: (res: Ack) => void) => void;
  'chat:ignore': (input: unknown, ack?: (res: Ack<{ name: string }>) => void) => void;
  'chat:unignore': (input: unknown, ack?: (res: Ack<{ name: string }>) => void) => void;
  'chat:history': (input: unknown, ack?: (res: Ack) => void) => void;
  'party:invite': (input: unknown, ack?: (res: Ack<{ name: string }>) => void) => void;
  'party:accept': (input: unknown, ack?: (res: Ack<PartyViewMsg>) => void) => void;
  'party:decline': (input: unknown, ack?: (res: Ack) => void) => void;
  'party:leave': (input: unknown, ack?: (res: Ack) => void) => void;
  'party:kick': (input: unknown, ack?: (res: Ack) => void) => void;
  'party:promote': (input: unknown, ack?: (res: Ack) => void) => void;
  'party:disband': (input: unknown, ack?: (res: Ack) => void) => void;
  'party:loot_mode': (input: unknown, ack?: (res: Ack) => void) => void;
  'loot:roll': (input: unknown, ack?: (res: Ack) => void) => void;
  'loot:assign': (input: unknown, ack?: (res: Ack<{ name: string }>) => void) => void;
  /** queue for a dungeon (with roles), an arena bracket or a raid (JoinQueueInputSchema) */
  'match:queue': (input: unknown, ack?: (res: Ack<MatchStatusMsg>) => void) => void;
  /** take your (party's) ticket out of its queue */
  'match:leave': (input: unknown, ack?: (res: Ack) => void) => void;
  /** accept or decline a ready check (ReadyCheckAnswerSchema) */
  'match:answer': (input: unknown, ack?: (res: Ack<ReadyCheckAnswerResult>) => void) => void;
  /** your matchmaking status now */
  'match:status': (input: unknown, ack?: (res: Ack<MatchStatusMsg>) => void) => void;
  /** leave the instance you are in now (a dungeon before its boss fell: a queue penalty) */
  'instance:leave': (input: unknown, ack?: (res: Ack<InstanceLeaveResult>) => void) => void;
}

/**
 * `data` of the client's `connect_error` when the sim refuses a handshake (a Refusal).
 * code: UNAUTHENTICATED (missing/expired/invalid/reused ticket: mint a new one),
 * NOT_FOUND (not your character, or deleted), UNAVAILABLE (retry shortly: the sim is
 * too busy to admit anyone — the ticket stays usable — or still opening the
 * character's zone after a takeover — mint a new one), INVALID_STATE (zone not served
 * here / shutting down: retry later), INTERNAL. `message` is safe to show to the player.
 */
export type ConnectErrorData = Refusal;

/** Handshake auth payload: the ticket minted by the web app (tRPC `sim.ticket`). */
export const HandshakeAuthSchema = z.object({
  ticket: z
    .string()
    .min(10)
    .max(4096, { abort: true })
    .regex(/^[A-Za-z0-9._-]+$/, 'Invalid ticket'),
  /** entering a raid instance: the group's short-lived token from tRPC `raid.syncToken` */
  quantumSyncToken: z
    .string()
    .min(10)
    .max(QUANTUM_SYNC_TOKEN_MAX_LENGTH, { abort: true })
    .regex(/^[A-Za-z0-9._-]+$/, 'Invalid raid token')
    .optional(),
});

export const toCm = (m: number) => Math.round(m * 100);
export const fromCm = (cm: number) => cm / 100;
