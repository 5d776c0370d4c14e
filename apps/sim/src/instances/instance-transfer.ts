/**
 * How a character moves between the open world and an instance (docs/instances.md
 * "Entering, leaving, and a process dying"): always as a reconnect — told by
 * `instance:transfer`, its old connection closed shortly after — and what becomes
 * of an instance whose host is gone. The instance host's; kept apart from its
 * lifecycle so that stays readable.
 */
import { ZONES, type InstanceTransferMsg } from '@necp/shared';
import { awaitZoneOwner, closeInstance, findInstance, type GameDeps, type Log } from '@necp/game';
import type { SimSocket } from '../net/types';
import { kick, type SessionRegistry } from '../session/sessions';

/** The old connection of a player sent through a transfer is closed this long after (the client closes it first). */
export const TRANSFER_CLOSE_MS = 5_000;

/** The open-world zone a returning character lands in, by name (from characterZoneIds). */
export function returnZoneName(back: ReadonlyMap<string, string>, characterId: string): string {
  return ZONES.find((z) => z.id === back.get(characterId))?.name ?? 'the city';
}

/**
 * Tells a connection to reconnect elsewhere and closes it TRANSFER_CLOSE_MS later.
 * `afterAck`: sent after the current command's ack (the client drops the connection
 * on the transfer, so an ack sent behind it would never arrive).
 */
export function sendOut(
  socket: SimSocket,
  msg: InstanceTransferMsg,
  o: { afterAck?: boolean } = {},
): void {
  if (o.afterAck) setImmediate(() => socket.emit('instance:transfer', msg));
  else socket.emit('instance:transfer', msg);
  setTimeout(() => socket.disconnect(true), TRANSFER_CLOSE_MS).unref();
}

/**
 * A member of a new instance leaves its open-world zone on this process (its
 * return point saved by the zone's own leaving save) and is told to reconnect.
 */
export async function pullHere(
  sessions: SessionRegistry,
  log: Log,
  characterId: string,
  msg: InstanceTransferMsg,
): Promise<boolean> {
  const s = sessions.ofCharacter(characterId);
  if (!s) return false;
  try {
    await s.zone.ask({ k: 'remove', characterId });
  } catch (err) {
    log.warn({ err, characterId }, 'leaving for an instance failed');
  }
  sendOut(s.socket, msg);
  return true;
}

/**
 * A character entered the open world while its row says it is in an instance not
 * run by this process (`runsHere` false). If another process runs it, the
 * character is sent there (a new ticket names that process). If nobody does — its
 * host died and the lease lapsed, or, without Redis, this only process restarted —
 * it is closed for everyone (they stay at their return points) and the match released.
 */
export async function settleLostInstance(
  o: { deps: GameDeps; log: Log; release(matchId: string): Promise<unknown> },
  instanceId: string,
  socket: SimSocket,
  runsHere: () => boolean,
): Promise<void> {
  const { deps, log } = o;
  if (runsHere()) return;
  // a host that stalled past its lease's TTL takes it back at its next renew: not lost
  const owner = deps.redis ? await awaitZoneOwner(deps.redis, instanceId) : null;
  if (owner) {
    kick(socket, { reason: 'zone_moved', message: 'Rejoining your match…' });
    return;
  }
  const row = await findInstance(deps, instanceId);
  const { closed } = await closeInstance(deps, { zoneId: instanceId, reason: 'host_lost' });
  if (row) await o.release(row.matchId);
  if (closed) log.warn({ zone: instanceId }, 'instance lost with its host: players returned');
}
