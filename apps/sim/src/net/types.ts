import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@necp/shared';
import type { CharacterStats, SimCharacter, SimTicketClaims } from '@necp/game';

/** Who a socket is, established once by the handshake. */
export interface SocketAuth {
  userId: string;
  role: SimTicketClaims['role'];
  character: SimCharacter;
  /** derived from gear and weight at connect (speed, max health) */
  stats: CharacterStats;
}

export interface SimSocketData {
  /** set by the handshake middleware before `connection` fires */
  auth?: SocketAuth;
}

type InterServerEvents = Record<string, never>;
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
