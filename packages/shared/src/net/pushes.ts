/**
 * Pushes: what a change means for the players' open sockets, as data. A domain
 * operation returns them with its result (or an outbox subscriber hands them to its
 * drain, after the commit); the one dispatcher (apps/sim/src/net/push-dispatcher.ts)
 * turns them into room broadcasts that reach every process. Plain JSON, so they can
 * travel between processes as they are.
 */
import type { KickMsg } from './server-messages';
import type { ServerToClientEvents } from './contracts';

/** Who hears a push: every socket of them, on whichever process holds it. */
export type PushAudience =
  | { characters: readonly string[] }
  | { user: string }
  | { loginSession: string }
  | { party: string }
  | { guild: string }
  | { channel: 'global' | 'trade' }
  | { district: string };

/** Sockets left out: one character's own, or those of everyone who blocks `blockersOf`. */
export interface PushExclusion {
  character?: string;
  blockersOf?: string;
}

/** Server events a push may carry (the binary snapshot stream is the zone's, not a push). */
export type PushEvent = Exclude<keyof ServerToClientEvents, 'zone:snapshot'>;
export type PushMsg<E extends PushEvent> = Parameters<ServerToClientEvents[E]>[0];

/** A server event to an audience. */
export type EmitPush = {
  [E in PushEvent]: {
    kind: 'emit';
    to: PushAudience;
    except?: PushExclusion;
    event: E;
    msg: PushMsg<E>;
  };
}[PushEvent];

/** The rooms a character's sockets are in follow its party, guild and blocks. */
export type PushRoom = { party: string } | { guild: string } | { blockersOf: string };

export interface RoomPush {
  kind: 'join' | 'leave';
  characters: readonly string[];
  room: PushRoom;
}

/** Disconnects every socket of the account or of one web login session, telling them why. */
export interface KickPush {
  kind: 'kick';
  to: { user: string } | { loginSession: string };
  msg: KickMsg;
}

/**
 * The live world follows a change made elsewhere: the process holding the character
 * re-reads its derived stats, or shows its new title (null: none).
 */
export type RefreshPush =
  { kind: 'stats'; character: string } | { kind: 'title'; character: string; title: string | null };

export type Push = EmitPush | RoomPush | KickPush | RefreshPush;

/** Takes pushes once what they tell of has committed. */
export type PushSink = (pushes: readonly Push[]) => void;

/** A server event to an audience (typed by the event). */
export function emitTo<E extends PushEvent>(
  to: PushAudience,
  event: E,
  msg: PushMsg<E>,
  except?: PushExclusion,
): EmitPush {
  return { kind: 'emit', to, event, msg, ...(except ? { except } : {}) } as EmitPush;
}

/** The same event to each of these characters' sockets. */
export const toCharacters = (...ids: string[]): PushAudience => ({ characters: ids });
