import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, InstanceTransferMsg, ServerToClientEvents } from '@necp/shared';
import type { CharacterStats, ConfirmedMatch, SimCharacter } from '@necp/game';

/**
 * Who a socket is, established once by the handshake. No role: the ticket's copy
 * is as old as the login cookie it was minted with, so whatever grants something
 * (admin:loot) reads the account's current role from the database.
 */
export interface SocketAuth {
  userId: string;
  /** the web login session whose ticket opened this socket: its sign-out disconnects it */
  loginSessionId?: string;
  character: SimCharacter;
  /** derived from gear and weight at connect (speed, max health) */
  stats: CharacterStats;
}

export interface SimSocketData {
  /** set by the handshake middleware before `connection` fires */
  auth?: SocketAuth;
}

/** What one sim node tells the others (io.serverSideEmit, through the Redis adapter). */
export interface InterServerEvents {
  /** the database changed a character's derived stats: whoever holds its socket re-reads them */
  'char:stats_changed': (characterId: string) => void;
  /** a character chose another title: whichever zone holds it shows it */
  'char:title_changed': (characterId: string, title: string | null) => void;
  /** open this match's instance, if `hostId` is you (instances/instance-launcher.ts) */
  'instance:open': (hostId: string, match: ConfirmedMatch) => void;
  /** whoever holds this character's socket: take it out of its zone into its new instance */
  'instance:pull': (characterId: string, msg: InstanceTransferMsg) => void;
  /** whoever runs match.backfill's dungeon: add its solo to the group (instances/dungeon-group.ts) */
  'instance:backfill': (match: ConfirmedMatch) => void;
}
export type SimIo = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SimSocketData
>;
export type SimSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SimSocketData
>;
