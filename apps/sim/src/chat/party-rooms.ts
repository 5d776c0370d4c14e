/**
 * Party rooms: every socket of a member is in `party:<id>` (party chat, updates). A
 * change moves the members' sockets by the pushes the party's operations return
 * (packages/game party/party-view.ts); entering the world joins here.
 */
import { partyOf, type GameDeps } from '@necp/game';
import type { SimSocket } from '../net/types';
import { partyRoom } from '../net/rooms';

/** On entering the world: the party's room and the party. */
export async function joinParty(
  deps: GameDeps,
  socket: SimSocket,
  characterId: string,
): Promise<void> {
  const view = await partyOf(deps, characterId);
  if (view) await socket.join(partyRoom(view.id));
  socket.emit('party:update', { party: view });
}
