/**
 * Socket contracts between the browser and apps/sim. Every client→server payload
 * has a Zod schema here and is parsed by the sim before anything else happens.
 * Positions on the wire are integers in centimetres (compact, no float noise).
 */
import { z } from 'zod';
import { MAX_INPUT_MS } from '../rules/movement';
import type { Rarity } from '../content/item-schema';

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
  itemId: z.string().min(1).max(64),
  quantity: z.int().min(1).max(999).optional(),
});
export type InventoryDrop = z.infer<typeof InventoryDropSchema>;

/** char:refresh — re-read equipment and weight after an inventory change through the API. */
export const CharRefreshSchema = z.object({});

/** admin:loot — ADMIN tickets only: roll a loot table into a drop at your feet. */
export const AdminLootSchema = z.object({
  tableId: z
    .string()
    .max(64)
    .regex(/^[a-z0-9_]+$/),
});
export type AdminLoot = z.infer<typeof AdminLootSchema>;

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

/** Ack of inventory:drop: the drop now lying at your feet (yours until its freeAt). */
export interface ItemDropResult {
  drop: DropRef;
}

/**
 * char:stats — the character's derived numbers, sent at connect, after pickups and
 * drops and in reply to char:refresh. `speed` (m/s) is what the server moves you
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

export type AckError = { code: string; message: string };
export type Ack<T = undefined> = { ok: true; data: T } | { ok: false; error: AckError };

export const KICK_REASONS = ['takeover', 'bad_payloads', 'server_shutdown', 'banned'] as const;
export type KickReason = (typeof KICK_REASONS)[number];

export interface ZoneInfo {
  id: string;
  name: string;
  width: number;
  height: number;
  streets: { x: number; y: number; w: number; h: number; name?: string }[];
  spawnPoints: { id: string; kind: string; name: string; x: number; y: number }[];
}

export type EntityKind = 'player' | 'npc' | 'drop' | 'crate';

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
  /** drops only: epoch ms on the server's clock (see net:ping) from which anyone may pick it up */
  freeAt?: number;
}

export interface SelfInfo extends EntityInfo {
  characterId: string;
  speed: number;
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

/** Delta snapshot for one client: only what changed in its view since the last one. */
export interface SnapshotMsg {
  /** server tick */
  t: number;
  /** last input seq applied for this client */
  ack: number;
  /** own position (cm), authoritative */
  me: [number, number];
  /** moved entities in view: [eid, x cm, y cm] */
  mv: [number, number, number][];
  /** entities that entered view */
  add: EntityInfo[];
  /** eids that left view */
  del: number[];
}

export interface KickMsg {
  reason: KickReason;
  message: string;
}

export interface ServerToClientEvents {
  'zone:welcome': (msg: WelcomeMsg) => void;
  'zone:snapshot': (msg: SnapshotMsg) => void;
  'session:kicked': (msg: KickMsg) => void;
  'char:stats': (msg: CharStatsMsg) => void;
}

export interface ClientToServerEvents {
  'zone:move': (input: unknown, ack?: (res: Ack) => void) => void;
  'net:ping': (input: unknown, ack: (res: Ack<{ t: number; server: number }>) => void) => void;
  'loot:pickup': (input: unknown, ack?: (res: Ack<PickupResult>) => void) => void;
  'crate:open': (input: unknown, ack?: (res: Ack<LootResult>) => void) => void;
  'inventory:drop': (input: unknown, ack?: (res: Ack<ItemDropResult>) => void) => void;
  'char:refresh': (input: unknown, ack?: (res: Ack<CharStatsMsg>) => void) => void;
  'admin:loot': (input: unknown, ack?: (res: Ack<LootResult>) => void) => void;
}

/**
 * `data` of the client's `connect_error` when the sim refuses a handshake.
 * code: UNAUTHENTICATED (missing/expired/invalid/reused ticket: mint a new one),
 * NOT_FOUND (not your character, or deleted), INVALID_STATE (zone not served here /
 * shutting down: retry later), INTERNAL. `message` is safe to show to the player.
 */
export interface ConnectErrorData {
  code: string;
  message: string;
}

/** Handshake auth payload: the ticket minted by the web app (tRPC `sim.ticket`). */
export const HandshakeAuthSchema = z.object({ ticket: z.string().min(10).max(4096) });

export const toCm = (m: number) => Math.round(m * 100);
export const fromCm = (cm: number) => cm / 100;
