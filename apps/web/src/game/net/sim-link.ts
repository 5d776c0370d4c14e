import type { KickMsg, SimTicket } from '@necp/shared';
import type { GameStore } from '../store/game-store';
import { describeEnterError, isZoneStarting } from './errors';
import { connectSim, type SimSocket, type SimSocketHandle } from './sim-socket';

/** how many times entering asks again while the zone has no sim process (one a second; takeover ≤ 5 s) */
const ZONE_WAIT_ATTEMPTS = 20;

/**
 * The client's link to the sim: entering (a ticket from the web), the socket to the
 * process the ticket names, and moving to another process when the zone, an instance
 * or a metro ride takes the character there. Each new socket is handed to `wire`.
 */
export class SimLink {
  private net: SimSocketHandle | null = null;

  constructor(
    private readonly deps: {
      store: GameStore;
      /** mints a fresh sim ticket for this character (tRPC character.enter) */
      enter: () => Promise<SimTicket>;
      stopped: () => boolean;
      /** a new socket: every listener goes on it */
      wire: (handle: SimSocketHandle) => void;
      /** the current socket is dropped quietly (its pinger stops) */
      dropped: () => void;
    },
  ) {}

  private get store() {
    return this.deps.store.getState();
  }

  /** The socket now (null between processes). */
  get socket(): SimSocket | null {
    return this.net?.socket ?? null;
  }

  /** The ride or the transfer goes on on another sim process: a fresh ticket names it. */
  moveElsewhere(): void {
    this.drop();
    void this.open();
  }

  /** The client stops: the socket closes for good. */
  close(): void {
    this.net?.socket.removeAllListeners();
    this.net?.socket.disconnect();
  }

  /** Enters (character.enter) and connects to the sim the ticket names. */
  async open(): Promise<void> {
    let first: SimTicket;
    try {
      first = await this.enterWhenOpen();
    } catch (err) {
      if (!this.deps.stopped()) this.store.connectionFailed(describeEnterError(err));
      return;
    }
    if (this.deps.stopped()) return;
    this.connectTo(first);
  }

  /** A socket to the sim `first` names; a later ticket naming another sim moves us there. */
  private connectTo(first: SimTicket) {
    this.net = connectSim(first, this.deps.enter, (moved) => {
      this.drop();
      if (!this.deps.stopped()) this.connectTo(moved);
    });
    this.deps.wire(this.net);
  }

  /** Forgets the current socket quietly: its disconnect is no news to the player. */
  private drop() {
    const old = this.net;
    this.net = null;
    this.deps.dropped();
    old?.socket.removeAllListeners();
    old?.socket.disconnect();
  }

  /**
   * `character.enter`; while the zone is between sim processes (SERVICE_UNAVAILABLE:
   * one is starting or taking over, within seconds) it asks again every second.
   */
  private async enterWhenOpen(): Promise<SimTicket> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.deps.enter();
      } catch (err) {
        if (this.deps.stopped() || !isZoneStarting(err) || attempt >= ZONE_WAIT_ATTEMPTS) throw err;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  /**
   * This sim process no longer owns the zone (kicked with zone_moved): drop the
   * connection and enter again — the new ticket names the new owner's URL.
   */
  followZone(msg: KickMsg) {
    this.drop();
    this.store.connectionDropped('reconnecting');
    this.store.toast('warn', msg.message);
    void this.open();
  }

  /**
   * instance:transfer: the character moved into or out of an instance, usually on
   * another sim process. Leave this connection quietly (no "connection lost") and
   * enter again; the transition stays up until the next welcome.
   */
  followInstance() {
    this.drop();
    this.store.connectionDropped('connecting');
    void this.open();
  }

  /** Try again after a fatal error or a shutdown kick (never automatic after a takeover). */
  reconnect() {
    this.store.connectionRetried();
    if (this.net) this.net.socket.connect();
    else void this.open();
  }
}
