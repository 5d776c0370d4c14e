/**
 * What the sim answers in an ack: the typed result of each request, or a Refusal.
 * Kept apart from the pushed messages because the client awaits these.
 */
import { z } from 'zod';
import type { Refusal } from './refusals';
import type { DropItemInfo } from './world-view';

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

/** Ack of inventory:drop: the drop now lying at your feet (yours until its freeAt). */
export interface ItemDropResult {
  drop: DropRef;
}

/** An ack's error: always a typed Refusal (net/refusals.ts). */
export type AckError = Refusal;
export type Ack<T = undefined> = { ok: true; data: T } | { ok: false; error: AckError };
