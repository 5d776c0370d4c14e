import type { KickMsg } from '@necp/shared';
import type { GameStore } from '../store/game-store';
import { setServerClockOffset } from '../time/server-clock';
import { connectErrorData, describeConnectError } from './errors';
import { startPinging } from './latency';
import type { Pushes } from './push-receiver';
import type { SimSocketHandle } from './sim-socket';

/** how often, and how far apart (× the attempt), a client refused as "server busy" tries again */
const BUSY_RETRIES = 8;
const BUSY_RETRY_MS = 1_000;

/**
 * The connection's life as the player sees it: the status line, kicks, "connection
 * lost", a silent retry after a refused ticket, coming back later when the sim is
 * too busy, and the ping (with the server clock's offset).
 */
export class ConnectionWatch {
  /** a welcome came at least once (later connects are reconnects) */
  everConnected = false;
  /** one silent retry after a refused ticket; reset by every successful connect */
  private retriedAuth = false;
  /** retries after the sim said it is too busy to admit us (UNAVAILABLE); reset on connect */
  private busyRetries = 0;
  /** the pinger of the current connection (a zone that moves brings a new one) */
  private stopPinging: (() => void) | null = null;

  constructor(
    private readonly deps: {
      store: GameStore;
      stopped: () => boolean;
      /** kicked with zone_moved: another sim process owns the zone now */
      followZone: (msg: KickMsg) => void;
    },
  ) {}

  private get store() {
    return this.deps.store.getState();
  }

  wire({ socket, lastTicketError }: SimSocketHandle, pushes: Pushes): void {
    socket.on('connect', () => {
      this.retriedAuth = false;
      this.busyRetries = 0;
      this.store.connectionStatus('connected');
    });
    pushes.on('session:kicked', (msg) => {
      if (msg.reason === 'zone_moved') return this.deps.followZone(msg);
      // a takeover must not bounce back: stop reconnecting before the server closes us
      this.store.kickedOut(msg);
      this.store.setMenuOpen(false);
      socket.disconnect();
    });
    socket.on('disconnect', (reason) => {
      if (this.deps.stopped() || this.store.kicked) return;
      if (reason === 'io client disconnect') return;
      if (socket.active) {
        this.store.connectionDropped('reconnecting');
        this.store.toast('warn', 'Connection lost. Reconnecting…');
      } else {
        this.store.connectionDropped('offline');
        this.store.toast('error', 'The server closed the connection.');
      }
    });
    socket.on('connect_error', (err) => {
      if (this.deps.stopped()) return;
      if (socket.active) {
        this.store.connectionStatus(this.everConnected ? 'reconnecting' : 'connecting');
        return;
      }
      // Rejected by the sim's handshake. A ticket problem (expired in transit,
      // already used) is fixed by minting a new one: retry once by ourselves.
      if (
        connectErrorData(err)?.code === 'UNAUTHENTICATED' &&
        !lastTicketError() &&
        !this.retriedAuth
      ) {
        this.retriedAuth = true;
        socket.connect();
        return;
      }
      // the sim is behind and admits nobody for now: come back a little later (jittered,
      // so a crowd refused together does not return together)
      if (connectErrorData(err)?.code === 'UNAVAILABLE' && this.busyRetries < BUSY_RETRIES) {
        this.busyRetries++;
        this.store.connectionStatus(this.everConnected ? 'reconnecting' : 'connecting');
        setTimeout(
          () => {
            if (!this.deps.stopped()) socket.connect();
          },
          BUSY_RETRY_MS * this.busyRetries * (0.5 + Math.random()),
        );
        return;
      }
      this.store.connectionFailed(describeConnectError(err, lastTicketError()));
    });
    this.stopPinging?.();
    this.stopPinging = startPinging(
      socket,
      (pingMs) => this.store.pingMeasured(pingMs),
      setServerClockOffset,
    );
  }

  /** The socket is dropped or the client stops: no more pings. */
  stop(): void {
    this.stopPinging?.();
    this.stopPinging = null;
  }
}
