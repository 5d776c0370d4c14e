/**
 * Zone leases: one sim process owns a zone at a time. The owner renews its lease
 * well inside the TTL; a process that dies stops renewing, so its zones are free
 * after at most the TTL and a standby (trying every ACQUIRE period) takes them.
 * Each acquisition carries a fencing token that only grows, so PostgreSQL can
 * refuse the writes of an owner that lost its lease (zone-ownership.ts).
 */
import { z } from 'zod';
import { parseStored } from '../core/redis-values';

/** A dead owner's zone is free after this long… */
export const ZONE_LEASE_TTL_MS = 3_000;
/** …an owner renews this often (three chances before the TTL runs out)… */
export const ZONE_LEASE_RENEW_MS = 1_000;
/** …and a standby tries to take free zones this often: taken within TTL + this ≤ 5 s. */
export const ZONE_LEASE_ACQUIRE_MS = 1_000;

/** Who serves a zone: read by the web to send a player to the owner's URL. */
export interface ZoneOwnerInfo {
  /** the owning process (unique per process start) */
  ownerId: string;
  /** where browsers reach that process (its SIM_PUBLIC_URL) */
  url: string;
  /** grows with every acquisition of this zone: a higher token is a later owner */
  token: number;
}

/** A lease this process holds; `value` is what renew and release compare against. */
export interface HeldZoneLease extends ZoneOwnerInfo {
  zoneId: string;
  value: string;
}

/** The same interface over Redis (many processes) and memory (one process, no Redis). */
export interface ZoneLeases {
  /**
   * Can other processes hold these leases? Then PostgreSQL fences zone writes with
   * the token (zone-ownership.ts); a lone process (memory leases) needs no fencing.
   */
  readonly fenced: boolean;
  readonly ownerId: string;
  readonly url: string;
  readonly ttlMs: number;
  /** Takes the zone if nobody holds it; null when another process does. */
  tryAcquire(zoneId: string): Promise<HeldZoneLease | null>;
  /** Extends the lease by the TTL if this process still holds it; false = lost, stop serving. */
  renew(lease: HeldZoneLease): Promise<boolean>;
  /** Frees the zone now (clean shutdown) if this process still holds it. */
  release(lease: HeldZoneLease): Promise<boolean>;
  /**
   * Makes the next token of the zone greater than `floor`: PostgreSQL refused a
   * token (zone-ownership.ts) because it had seen a higher one (e.g. Redis was
   * emptied and its counters restarted).
   */
  raiseTokenFloor(zoneId: string, floor: number): Promise<void>;
}

/** Who owns a zone right now (null: nobody — starting up, or between owners). */
export interface ZoneDirectory {
  ownerOf(zoneId: string): Promise<ZoneOwnerInfo | null>;
}

const LeaseValueSchema = z.object({
  ownerId: z.string().min(1),
  url: z.string().min(1),
  token: z.int().min(1),
});

/**
 * A stored lease value, or null when there is none or it is not one of ours (it crossed
 * Redis): nobody owns the zone as far as a reader knows, and it is asked again until a
 * lease it can read is there (the directory polls; a bad value is not logged each time).
 */
export function decodeLeaseValue(raw: string | null): ZoneOwnerInfo | null {
  return parseStored(LeaseValueSchema, raw) ?? null;
}

/** The stored form (the Redis script builds the same JSON; memory leases use this). */
export function encodeLeaseValue(owner: ZoneOwnerInfo): string {
  return JSON.stringify({ ownerId: owner.ownerId, url: owner.url, token: owner.token });
}
