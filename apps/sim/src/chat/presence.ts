/**
 * Presence as this sim sees its sessions: online on entering, the district on a
 * metro ride, AFK after AFK_AFTER_MS without a command, offline on leaving — written
 * to PostgreSQL (packages/game friends/presence.ts) and pushed to the friends as
 * `friend:presence` (net/push-dispatcher.ts: on whichever process they are).
 */
import { AFK_AFTER_MS, type PushSink } from '@necp/shared';
import {
  clearPresence,
  presencePushes,
  refreshPresence,
  setPresence,
  type GameDeps,
} from '@necp/game';
import type { Session, SessionRegistry } from '../session/sessions';

const nameOf = (s: Session) => s.socket.data.auth?.character.name ?? '';

/** Online (entering, a ride to another district, back from AFK) or AFK, as the session is now. */
export async function announcePresence(
  deps: GameDeps,
  push: PushSink,
  session: Session,
): Promise<void> {
  const change = await setPresence(deps, {
    characterId: session.characterId,
    name: nameOf(session),
    status: session.afk ? 'afk' : 'online',
    zoneId: session.zone.id,
    holder: session.socket.id,
  });
  push(presencePushes(change));
}

/** The session's socket closed: offline, unless a newer connection holds the character. */
export async function leavePresence(
  deps: GameDeps,
  push: PushSink,
  session: Session,
): Promise<void> {
  const change = await clearPresence(deps, {
    characterId: session.characterId,
    name: nameOf(session),
    holder: session.socket.id,
  });
  push(presencePushes(change));
}

/** A command from the client (not a ping): back from AFK if it was. */
export function noteInput(
  deps: GameDeps,
  push: PushSink,
  session: Session,
  log: (err: unknown) => void,
): void {
  session.lastInputAt = deps.clock.ms();
  if (!session.afk) return;
  session.afk = false;
  announcePresence(deps, push, session).catch(log);
}

/**
 * The periodic pass: sessions idle for AFK_AFTER_MS go AFK, and every session's
 * presence is refreshed (one statement), so a sim that dies leaves rows that go stale.
 */
export async function sweepPresence(
  deps: GameDeps,
  push: PushSink,
  sessions: SessionRegistry,
): Promise<void> {
  const now = deps.clock.ms();
  const all = sessions.all();
  for (const s of all)
    if (!s.afk && now - s.lastInputAt >= AFK_AFTER_MS) {
      s.afk = true;
      await announcePresence(deps, push, s);
    }
  await refreshPresence(
    deps,
    all.map((s) => s.characterId),
  );
}
