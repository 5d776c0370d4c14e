/**
 * The socket.io connection to apps/sim. The sim only accepts a short-lived
 * ticket minted by the web app, so the `auth` callback mints a fresh one for
 * every (re)connect; the very first connect reuses the ticket that told us the
 * sim's URL.
 */
import { io, type Socket } from 'socket.io-client';
import {
  snapshotParser,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SimTicket,
} from '@necp/shared';

export type SimSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type EnterFn = () => Promise<SimTicket>;

export interface SimSocketHandle {
  socket: SimSocket;
  /** the error of the last failed ticket request (explains an auth rejection) */
  lastTicketError: () => unknown;
}

export function connectSim(first: SimTicket, enter: EnterFn): SimSocketHandle {
  let unused: SimTicket | null = first;
  let ticketError: unknown = null;
  const socket: SimSocket = io(first.simUrl, {
    transports: ['websocket'], // no long-polling fallback: the game needs a real socket
    parser: snapshotParser, // snapshots arrive as one binary frame each
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    auth: (cb) => {
      const reuse = unused && unused.expiresAt.getTime() - Date.now() > 5000 ? unused : null;
      unused = null;
      (reuse ? Promise.resolve(reuse) : enter()).then(
        (t) => {
          ticketError = null;
          cb({ ticket: t.ticket });
        },
        (err: unknown) => {
          // No ticket: send an empty one so the sim rejects the attempt and
          // connect_error tells the UI (otherwise the attempt hangs silently).
          ticketError = err;
          cb({ ticket: '' });
        },
      );
    },
  });
  return { socket, lastTicketError: () => ticketError };
}
