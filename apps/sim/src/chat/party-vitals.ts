/**
 * Party frames and map arrows: every PARTY_VITALS_MS each sim process sends the
 * health, level and position of the party members it holds to their party's room
 * (one message per party per process; the Redis adapter carries it to members on
 * other processes). A member no process reports for PARTY_VITALS_STALE_MS shows as
 * offline. Read between ticks: a tick runs to completion, so what is read is one
 * tick's state.
 */
import type { PartyMemberVitals } from '@necp/shared';
import type { SimSocket } from '../net/types';
import type { SessionRegistry } from '../session/sessions';

const PARTY_ROOM_PREFIX = 'party:';

/** The party room a socket is in (a character is in at most one party). */
function partyRoomOf(socket: SimSocket): string | undefined {
  for (const room of socket.rooms) if (room.startsWith(PARTY_ROOM_PREFIX)) return room;
  return undefined;
}

/** One round: returns how many party messages were sent (for tests). */
export function sendPartyVitals(nsp: SimSocket['nsp'], sessions: SessionRegistry): number {
  const byRoom = new Map<string, PartyMemberVitals[]>();
  for (const s of sessions.all()) {
    if (!s.socket.connected) continue;
    const room = partyRoomOf(s.socket);
    if (!room) continue;
    const p = s.zone.player(s.characterId);
    if (!p) continue; // riding the metro: the next round finds it in its new zone
    const v: PartyMemberVitals = {
      id: p.characterId,
      level: p.level,
      health: p.health,
      maxHealth: p.maxHealth,
      dead: p.combat.dead,
      zoneId: s.zone.id,
      x: Math.round(p.x * 10) / 10,
      y: Math.round(p.y * 10) / 10,
    };
    const list = byRoom.get(room);
    if (list) list.push(v);
    else byRoom.set(room, [v]);
  }
  for (const [room, members] of byRoom) nsp.to(room).emit('party:vitals', { members });
  return byRoom.size;
}
