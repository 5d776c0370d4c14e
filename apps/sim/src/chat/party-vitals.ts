/**
 * Party frames and map arrows: every PARTY_VITALS_MS each sim process sends the
 * health, level and position of the party members it holds to their party's room
 * (one message per party per process; the Redis adapter carries it to members on
 * other processes). A member no process reports for PARTY_VITALS_STALE_MS shows as
 * offline. Read between ticks: a tick runs to completion, so what is read is one
 * tick's state.
 */
import { emitTo, type PartyMemberVitals, type Push, type PushSink } from '@necp/shared';
import type { SimSocket } from '../net/types';
import type { SessionRegistry } from '../session/sessions';
import { partyOfRoom } from '../net/rooms';

/** The party whose room a socket is in (a character is in at most one party). */
function partyOf(socket: SimSocket): string | undefined {
  for (const room of socket.rooms) {
    const party = partyOfRoom(room);
    if (party) return party;
  }
  return undefined;
}

/** One round: returns how many party messages were sent (for tests). */
export function sendPartyVitals(push: PushSink, sessions: SessionRegistry): number {
  const byRoom = new Map<string, PartyMemberVitals[]>();
  for (const s of sessions.all()) {
    if (!s.socket.connected) continue;
    const room = partyOf(s.socket);
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
  const pushes: Push[] = [];
  for (const [party, members] of byRoom)
    pushes.push(emitTo({ party }, 'party:vitals', { members }));
  push(pushes);
  return byRoom.size;
}
