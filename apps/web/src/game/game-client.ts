/**
 * The game client: connects to the sim, turns keys into predicted movement,
 * applies snapshots, draws every animation frame and publishes HUD state.
 * Framework-free; the React view creates one per mount and stops it on unmount.
 */
import type { KickMsg, SimTicket } from '@necp/shared';
import { KeyboardInput } from './input/keyboard';
import { InputSampler } from './input/input-sampler';
import { startPinging } from './net/latency';
import { connectSim, type SimSocketHandle } from './net/sim-socket';
import { connectErrorData, describeConnectError, describeEnterError } from './net/errors';
import type { DrawnEntity } from './render/draw-entities';
import { Renderer } from './render/renderer';
import type { GameState, GameStore, VisibleEntity } from './store/game-store';
import { WorldState } from './world/world-state';

const HUD_PUBLISH_MS = 100;

export interface GameClientOptions {
  canvas: HTMLCanvasElement;
  store: GameStore;
  /** mints a fresh sim ticket for this character (tRPC character.enter) */
  enter: () => Promise<SimTicket>;
}

export class GameClient {
  private world: WorldState | null = null;
  private net: SimSocketHandle | null = null;
  private keyboard = new KeyboardInput();
  private sampler: InputSampler;
  private renderer: Renderer;
  private stopped = false;
  private frame = 0;
  private cleanups: (() => void)[] = [];
  private lastHud = 0;
  private lastHudKey = '';
  private everConnected = false;
  /** one silent retry after a refused ticket; reset by every successful connect */
  private retriedAuth = false;

  constructor(private opts: GameClientOptions) {
    this.renderer = new Renderer(opts.canvas);
    this.sampler = new InputSampler(
      () => (this.canMove() ? this.keyboard.direction() : null),
      (chunks, now) => {
        const socket = this.net?.socket;
        if (!this.world || !socket?.connected) return;
        for (const input of this.world.move(chunks, now)) socket.emit('zone:move', input);
      },
    );
  }

  start() {
    this.frame = requestAnimationFrame(this.loop);
    this.sampler.start();
    void this.enterAndConnect();
  }

  private async enterAndConnect() {
    let first: SimTicket;
    try {
      first = await this.opts.enter();
    } catch (err) {
      if (!this.stopped) this.patch({ status: 'offline', fatal: describeEnterError(err) });
      return;
    }
    if (this.stopped) return;
    this.net = connectSim(first, this.opts.enter);
    this.wire(this.net);
  }

  /** Try again after a fatal error or a shutdown kick (never automatic after a takeover). */
  reconnect() {
    this.patch({ fatal: null, kicked: null, status: 'connecting' });
    if (this.net) this.net.socket.connect();
    else void this.enterAndConnect();
  }

  stop() {
    this.stopped = true;
    cancelAnimationFrame(this.frame);
    this.sampler.stop();
    this.keyboard.dispose();
    for (const c of this.cleanups) c();
    this.net?.socket.removeAllListeners();
    this.net?.socket.disconnect();
  }

  private get store() {
    return this.opts.store.getState();
  }
  private patch(p: Partial<GameState>) {
    this.opts.store.setState(p);
  }

  private canMove() {
    const s = this.store;
    return !s.menuOpen && !s.kicked && !s.fatal && s.status === 'connected';
  }

  private wire({ socket, lastTicketError }: SimSocketHandle) {
    socket.on('connect', () => {
      this.retriedAuth = false;
      this.patch({ status: 'connected' });
    });
    socket.on('zone:welcome', (msg) => {
      this.world = new WorldState(msg, performance.now());
      this.patch({ zone: { id: msg.zone.id, name: msg.zone.name }, status: 'connected' });
      if (msg.resumed)
        this.store.toast('success', 'Reconnected — you are right where you left off.');
      else if (!this.everConnected)
        this.store.toast('info', `Welcome to ${msg.zone.name}, ${msg.self.name}.`);
      else this.store.toast('success', `Back in ${msg.zone.name}.`);
      this.everConnected = true;
      this.publishHud(performance.now(), true);
    });
    socket.on('zone:snapshot', (msg) => this.world?.applySnapshot(msg, performance.now()));
    socket.on('session:kicked', (msg: KickMsg) => {
      // a takeover must not bounce back: stop reconnecting before the server closes us
      this.patch({ kicked: msg, status: 'offline', menuOpen: false });
      socket.disconnect();
    });
    socket.on('disconnect', (reason) => {
      if (this.stopped || this.store.kicked) return;
      if (reason === 'io client disconnect') return;
      if (socket.active) {
        this.patch({ status: 'reconnecting', pingMs: null });
        this.store.toast('warn', 'Connection lost. Reconnecting…');
      } else {
        this.patch({ status: 'offline', pingMs: null });
        this.store.toast('error', 'The server closed the connection.');
      }
    });
    socket.on('connect_error', (err) => {
      if (this.stopped) return;
      if (socket.active) {
        this.patch({ status: this.everConnected ? 'reconnecting' : 'connecting' });
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
      this.patch({ status: 'offline', fatal: describeConnectError(err, lastTicketError()) });
    });
    this.cleanups.push(startPinging(socket, (pingMs) => this.patch({ pingMs })));
  }

  private loop = (now: number) => {
    this.frame = requestAnimationFrame(this.loop);
    const world = this.world;
    if (!world) {
      this.renderer.drawIdle(this.store.fatal ? 'signal lost' : 'jacking in…');
      return;
    }
    const selfPos = world.view.at(now);
    const others: DrawnEntity[] = [];
    for (const e of world.others.values()) {
      const p = e.buffer.sample(now);
      others.push({
        x: p.x,
        y: p.y,
        name: e.info.name,
        level: e.info.level,
        health: e.info.health,
        maxHealth: e.info.maxHealth,
        kind: e.info.kind,
      });
    }
    this.renderer.draw(world, selfPos, others, now);
    this.publishHud(now);
  };

  /** HUD values at ~10 Hz: React does not need 60 updates a second. */
  private publishHud(now: number, force = false) {
    const world = this.world;
    if (!world || (!force && now - this.lastHud < HUD_PUBLISH_MS)) return;
    this.lastHud = now;
    const pos = world.predictor.pos;
    const visible: VisibleEntity[] = [];
    for (const [eid, e] of world.others) {
      const p = e.buffer.latest();
      visible.push({ eid, kind: e.info.kind, name: e.info.name, x: round1(p.x), y: round1(p.y) });
    }
    visible.sort((a, b) => a.name.localeCompare(b.name));
    const s = world.self;
    // skip the store update (and React re-render) when nothing visible changed
    const key = `${pos.x.toFixed(1)},${pos.y.toFixed(1)}|${visible.map((v) => `${v.eid}:${v.x},${v.y}`).join(';')}`;
    if (!force && key === this.lastHudKey) return;
    this.lastHudKey = key;
    this.patch({
      self: {
        name: s.name,
        level: s.level,
        health: s.health,
        maxHealth: s.maxHealth,
        x: round1(pos.x),
        y: round1(pos.y),
      },
      visible,
    });
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
