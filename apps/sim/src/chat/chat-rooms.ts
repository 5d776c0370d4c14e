/**
 * Socket.IO rooms of the chat. With Redis the adapter carries a room broadcast to
 * every sim process, so a district message, a whisper or a mute reaches sockets
 * wherever they are connected.
 */
import type { GameDeps } from '@necp/game';
import { blockedBy, chatHistory } from '@necp/game';
import type { SimSocket } from '../net/types';
import { blockersRoom, districtRoom, GLOBAL_ROOM, TRADE_ROOM } from '../net/rooms';

/** On entering the world: the channel rooms, the block list's rooms, then the history. */
export async function joinChat(
  deps: GameDeps,
  socket: SimSocket,
  me: { characterId: string; zoneId: string },
): Promise<void> {
  const blocked = await blockedBy(deps, me.characterId);
  await socket.join([
    GLOBAL_ROOM,
    TRADE_ROOM,
    districtRoom(me.zoneId),
    ...blocked.map(blockersRoom),
  ]);
  socket.emit('chat:history', { messages: await chatHistory(deps, me) });
}

/** The metro moved the character to another district of this process. */
export function changeDistrict(socket: SimSocket, from: string, to: string): void {
  if (from === to) return;
  void socket.leave(districtRoom(from));
  void socket.join(districtRoom(to));
}
