import type { GameDeps } from '../core/deps';
import { awaitZoneOwner } from '../cluster/zone-directory';

/**
 * Where a character plays now: its instance while a sim process runs it, else its
 * open-world zone (the return point). Read-only: the process that then receives
 * the character takes it out of an instance that is gone (apps/sim instances).
 * A host whose event loop stalled past its lease's TTL (a loaded machine) takes the
 * lease back at its next renew, so the owner is awaited a moment like a zone's
 * (simUrlForZone): without that patience the player was sent to the open world, whose
 * process then closed the living instance as lost. Without Redis there is one sim:
 * it answers for its own instances at the handshake.
 */
export async function playZoneOf(
  deps: Pick<GameDeps, 'redis'>,
  c: { zoneId: string; instanceId: string | null },
): Promise<string> {
  if (!c.instanceId || !deps.redis) return c.zoneId;
  return (await awaitZoneOwner(deps.redis, c.instanceId)) ? c.instanceId : c.zoneId;
}
