import type { KickMsg } from '@necp/shared';
import type { BadPayloadGuard } from '../net/bad-payload-guard';
import type { SimSocket } from '../net/types';
import type { StatsRefresher } from './stats-refresher';
import type { ZoneConnection } from '../zone/player';
import type { Zone } from '../zone/zone';

/** One authenticated connection controlling one character. */
export interface Session {
  readonly socket: SimSocket;
  readonly userId: string;
  readonly characterId: string;
  /** the zone the character is in now: riding the metro changes it, so handlers read it per call */
  zone: Zone;
  readonly conn: ZoneConnection;
  readonly guard: BadPayloadGuard;
  /** re-reads the character's stats from the database and tells the zone and the client */
  readonly stats: StatsRefresher;
  /** clock ms of the client's last command other than a ping (AFK after AFK_AFTER_MS) */
  lastInputAt: number;
  /** shown to friends as AFK */
  afk: boolean;
}

/**
 * The live session of each account on this process: one connection per account
 * (and so per character). A newer connection replaces the older one.
 */
export class SessionRegistry {
  /**
   * Characters riding the metro on this process, to their destination: between the
   * depart (old zone's tick) and the attach (new zone's tick) a character is in no
   * zone, and a connection arriving then must follow it there (connect.ts zoneFor).
   */
  readonly rides = new Map<string, Zone>();
  private readonly byUser = new Map<string, Session>();
  /** the same sessions by character: every stats event of the deployment looks here */
  private readonly byCharacter = new Map<string, Session>();

  current(userId: string): Session | undefined {
    return this.byUser.get(userId);
  }

  set(session: Session): void {
    const previous = this.byUser.get(session.userId);
    if (previous && this.byCharacter.get(previous.characterId) === previous)
      this.byCharacter.delete(previous.characterId);
    this.byUser.set(session.userId, session);
    this.byCharacter.set(session.characterId, session);
  }

  /** Forgets a session unless a newer one already replaced it. */
  delete(session: Session): void {
    if (this.byUser.get(session.userId) === session) this.byUser.delete(session.userId);
    if (this.byCharacter.get(session.characterId) === session)
      this.byCharacter.delete(session.characterId);
  }

  /** The live session controlling `characterId` on this process, if any. */
  ofCharacter(characterId: string): Session | undefined {
    return this.byCharacter.get(characterId);
  }

  all(): Session[] {
    return [...this.byUser.values()];
  }
}

/** Tells the client why, then drops the connection (the event is flushed before the close). */
export function kick(socket: SimSocket, msg: KickMsg): void {
  socket.emit('session:kicked', msg);
  socket.disconnect(true);
}
