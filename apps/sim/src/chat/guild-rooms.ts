/**
 * Guild rooms: every socket of a member is in `guild:<id>` (guild chat). Membership
 * changes come from the web API; the guild domain writes them to the outbox and the
 * sim's reaction (packages/game guild/guild-subscriber.ts, through the push dispatcher) moves the
 * sockets by character room, which the Redis adapter carries to every process.
 */
import type { GuildUpdateMsg } from '@necp/shared';
import { guildIdOf, type GameDeps } from '@necp/game';
import type { SimSocket } from '../net/types';
import { guildRoom } from '../net/rooms';

/**
 * On entering the world: the guild's room (guild chat reaches the socket from then
 * on), then guild:update with the guild (null: none), as after every change.
 */
export async function joinGuild(
  deps: GameDeps,
  socket: SimSocket,
  characterId: string,
): Promise<void> {
  const guildId = await guildIdOf(deps, characterId);
  if (guildId) await socket.join(guildRoom(guildId));
  const msg: GuildUpdateMsg = { guildId };
  socket.emit('guild:update', msg);
}
