import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { RedisZoneDirectory } from './redis-zone-leases';

/** Nobody owns the zone right now: a sim is starting, or taking over from one that died. */
export const zoneStarting = (zoneId: string) =>
  new DomainError(
    'UNAVAILABLE',
    `no sim process owns zone ${zoneId}`,
    'That district is starting up. Try again in a few seconds.',
  );

/**
 * Where a browser reaches the sim process that owns `zoneId`. With Redis, the
 * owner's URL from its lease (zone leases: cluster/redis-zone-leases.ts); without
 * Redis there is one sim, at the configured SIM_PUBLIC_URL.
 */
export async function simUrlForZone(
  deps: Pick<GameDeps, 'redis' | 'config'>,
  zoneId: string,
): Promise<string> {
  if (!deps.redis) return deps.config.simPublicUrl;
  const owner = await new RedisZoneDirectory(deps.redis).ownerOf(zoneId);
  if (!owner) throw zoneStarting(zoneId);
  return owner.url;
}
