/**
 * Party rooms: every socket of a member is in `party:<id>` (party chat, updates). A
 * change joins and leaves sockets by character room, which the Redis adapter carries
 * to whichever process each member is connected to.
 */
import type { PartyViewMsg } from '@necp/shared';
import { partyOf, type GameDeps } from '@necp/game';
import type { SimSocket } from '../net/types';
import { characterRoom, partyRoom } from '../net/rooms';

type Nsp = SimSocket['nsp'];

/**
 * After a change to a party: its members now are in its room and get the party;
 * `gone` (left, kicked, disbanded) leave the room and get "no party".
 */
export async function publishParty(
  deps: GameDeps,
  nsp: Nsp,
  partyId: string,
  o: { memberId?: string; gone?: readonly string[] },
): Promise<PartyViewMsg | null> {
  for (const id of o.gone ?? []) {
    nsp.in(characterRoom(id)).socketsLeave(partyRoom(partyId));
    nsp.to(characterRoom(id)).emit('party:update', { party: null });
  }
  const view = o.memberId ? await partyOf(deps, o.memberId) : null;
  if (!view) return null;
  nsp.in(view.members.map((m) => characterRoom(m.id))).socketsJoin(partyRoom(view.id));
  nsp.to(partyRoom(view.id)).emit('party:update', { party: view });
  return view;
}

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
