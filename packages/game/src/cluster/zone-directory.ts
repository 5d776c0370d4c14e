import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { RedisZoneDirectory } from './redis-zone-leases';
import { ZONE_LEASE_RENEW_MS, type ZoneOwnerInfo } from './zone-lease';

/** Nobody owns the zone right now: a sim is starting, or taking over from one that died. */
export const zoneStarting = (zoneId: string) =>
  new DomainError(
    'UNAVAILABLE',
    `no sim process owns zone ${zoneId}`,
    'That district is starting up. Try again in a few seconds.',
  );

/**
 * How long a lookup waits for an owner before it answers "starting up". An owner whose
 * event loop stalled past its TTL (a loaded machine) takes its own lease back at its next
 * renew, at most one renew period later (redis-zone-leases.ts, RENEW): a player riding the
 * metro or entering the world in that gap waits for it instead of being refused.
 */
export const ZONE_OWNER_WAIT_MS = ZONE_LEASE_RENEW_MS + 500;
const ZONE_OWNER_POLL_MS = 100;

/**
 * Where a browser reaches the sim process that owns `zoneId`. With Redis, the
 * owner's URL from its lease (zone leases: cluster/redis-zone-leases.ts), waiting up to
 * `waitMs` of wall-clock time (leases run on Redis' clock, not the game's) for one to
 * appear; without Redis there is one sim, at the configured SIM_PUBLIC_URL.
 */
export async function simUrlForZone(
  deps: Pick<GameDeps, 'redis' | 'config'>,
  zoneId: string,
  waitMs = ZONE_OWNER_WAIT_MS,
): Promise<string> {
  if (!deps.redis) return deps.config.simPublicUrl;
  const owner = await awaitZoneOwner(deps.redis, zoneId, waitMs);
  if (!owner) throw zoneStarting(zoneId);
  return owner.url;
}

/**
 * The owner of `zoneId` from its lease, waiting up to `waitMs` of wall-clock time for
 * one to appear (an owner that stalled past its TTL takes its lease back at its next
 * renew); null when none did. Every "who runs this zone or instance?" asks this way.
 */
export async function awaitZoneOwner(
  redis: NonNullable<GameDeps['redis']>,
  zoneId: string,
  waitMs = ZONE_OWNER_WAIT_MS,
): Promise<ZoneOwnerInfo | null> {
  const directory = new RedisZoneDirectory(redis);
  const giveUpAt = Date.now() + waitMs;
  for (;;) {
    const owner = await directory.ownerOf(zoneId);
    if (owner || Date.now() >= giveUpAt) return owner;
    await new Promise((r) => setTimeout(r, ZONE_OWNER_POLL_MS));
  }
}
