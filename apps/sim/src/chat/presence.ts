/**
 * Presence as this sim sees its sessions: online on entering, the district on a
 * metro ride, AFK after AFK_AFTER_MS without a command, offline on leaving — written
 * to PostgreSQL (packages/game friends/presence.ts) and pushed to the friends' rooms
 * as `friend:presence`, which the Redis adapter carries to whichever process they are on.
 */
import { AFK_AFTER_MS, type FriendPresenceMsg } from '@necp/shared';
import {
  clearPresence,
  refreshPresence,
  setPresence,
  type GameDeps,
  type PresenceChange,
} from '@necp/game';
import type { SimSocket } from '../net/types';
import type { Session, SessionRegistry } from '../session/sessions';
import { characterRoom } from '../net/rooms';

type Nsp = SimSocket['nsp'];

function tell(nsp: Nsp, change: PresenceChange | null): void {
  if (!change || change.friendIds.length === 0) return;
  const msg: FriendPresenceMsg = {
    id: change.characterId,
    name: change.name,
    status: change.status,
    zoneId: change.zoneId,
  };
  nsp.to(change.friendIds.map(characterRoom)).emit('friend:presence', msg);
}

const nameOf = (s: Session) => s.socket.data.auth?.character.name ?? '';

/** Online (entering, a ride to another district, back from AFK) or AFK, as the session is now. */
export async function announcePresence(deps: GameDeps, session: Session): Promise<void> {
  const change = await setPresence(deps, {
    characterId: session.characterId,
    name: nameOf(session),
    status: session.afk ? 'afk' : 'online',
    zoneId: session.zone.id,
    holder: session.socket.id,
  });
  tell(session.socket.nsp, change);
}

/** The session's socket closed: offline, unless a newer connection holds the character. */
export async function leavePresence(deps: GameDeps, session: Session): Promise<void> {
  tell(
    session.socket.nsp,
    await clearPresence(deps, {
      characterId: session.characterId,
      name: nameOf(session),
      holder: session.socket.id,
    }),
  );
}

/** A command from the client (not a ping): back from AFK if it was. */
export function noteInput(deps: GameDeps, session: Session, log: (err: unknown) => void): void {
  session.lastInputAt = deps.clock.ms();
  if (!session.afk) return;
  session.afk = false;
  announcePresence(deps, session).catch(log);
}

/**
 * The periodic pass: sessions idle for AFK_AFTER_MS go AFK, and every session's
 * presence is refreshed (one statement), so a sim that dies leaves rows that go stale.
 */
export async function sweepPresence(deps: GameDeps, sessions: SessionRegistry): Promise<void> {
  const now = deps.clock.ms();
  const all = sessions.all();
  for (const s of all)
    if (!s.afk && now - s.lastInputAt >= AFK_AFTER_MS) {
      s.afk = true;
      await announcePresence(deps, s);
    }
  await refreshPresence(
    deps,
    all.map((s) => s.characterId),
  );
}
