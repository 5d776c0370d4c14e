import type { GameDeps } from '../core/deps';
import { RedisZoneDirectory } from '../cluster/redis-zone-leases';

/**
 * Where a character plays now: its instance while a sim process runs it, else its
 * open-world zone (the return point). Read-only: the process that then receives
 * the character takes it out of an instance that is gone (apps/sim instances).
 * Without Redis there is one sim: it answers for its own instances at the handshake.
 */
export async function playZoneOf(
  deps: Pick<GameDeps, 'redis'>,
  c: { zoneId: string; instanceId: string | null },
): Promise<string> {
  if (!c.instanceId || !deps.redis) return c.zoneId;
  const owner = await new RedisZoneDirectory(deps.redis).ownerOf(c.instanceId);
  return owner ? c.instanceId : c.zoneId;
}
