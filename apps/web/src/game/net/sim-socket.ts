/**
 * The socket.io connection to apps/sim. The sim only accepts a short-lived
 * ticket minted by the web app, so the `auth` callback mints a fresh one for
 * every (re)connect; the very first connect reuses the ticket that told us the
 * sim's URL.
 *
 * Several sim processes share the zones (zone leases): a ticket names the URL of
 * the process that owns the character's zone now. When one names another URL than
 * this socket's — the zone moved, e.g. its process died and another took it over —
 * `onMoved` gets it and the caller opens a new socket there. A dead process
 * answers nothing, so every failed reconnect asks for a ticket too.
 */
import { io, type Socket } from 'socket.io-client';
import { snapshotParser, type ClientToServerEvents, type ServerToClientEvents } from '@necp/shared';
import { handshakeAuth, type EntryTicket } from '../instances/raid-entry';
import { serverNow } from '../time/server-clock';

/**
 * The socket as the client types it: it sends every client event, and lists only the
 * binary snapshot among what it hears. Every other push is heard through
 * net/push-receiver.ts, which parses it first: `socket.on('chat:message', …)` does
 * not compile anywhere else.
 */
export type SimSocket = Socket<Pick<ServerToClientEvents, 'zone:snapshot'>, ClientToServerEvents>;

/** a fresh ticket (with the raid's quantum_sync_token when the character is in a raid) */
export type EnterFn = () => Promise<EntryTicket>;

export interface SimSocketHandle {
  socket: SimSocket;
  /** the error of the last failed ticket request (explains an auth rejection) */
  lastTicketError: () => unknown;
}

export function connectSim(
  first: EntryTicket,
  enter: EnterFn,
  onMoved: (ticket: EntryTicket) => void = () => undefined,
): SimSocketHandle {
  let unused: EntryTicket | null = first;
  let ticketError: unknown = null;
  let moved = false;
  const moveTo = (t: EntryTicket) => {
    if (moved) return;
    moved = true;
    socket.io.reconnection(false);
    onMoved(t);
  };
  const socket: SimSocket = io(first.simUrl, {
    transports: ['websocket'], // no long-polling fallback: the game needs a real socket
    parser: snapshotParser, // snapshots arrive as one binary frame each
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    auth: (cb) => {
      // the ticket's expiry is the server's time: compared with the server's clock (≥ 5 s left)
      const reuse = unused && unused.expiresAt.getTime() - serverNow() > 5000 ? unused : null;
      unused = null;
      (reuse ? Promise.resolve(reuse) : enter()).then(
        (t) => {
          ticketError = null;
          if (t.simUrl === first.simUrl) return cb(handshakeAuth(t));
          // the zone is served elsewhere now: this socket gives way to one there
          cb({ ticket: '' });
          moveTo(t);
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
  // the process may be gone for good: ask where the zone is now (≤ one request in flight)
  let asking = false;
  socket.io.on('reconnect_error', () => {
    if (asking || moved) return;
    asking = true;
    enter()
      .then(
        (t) => {
          if (t.simUrl !== first.simUrl) moveTo(t);
          else unused = t; // the next attempt presents it
        },
        () => undefined, // between owners (UNAVAILABLE): the next failed attempt asks again
      )
      .finally(() => (asking = false));
  });
  return { socket, lastTicketError: () => ticketError };
}
