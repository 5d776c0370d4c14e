/**
 * One headless player: a real socket.io client that logs in with a sim ticket and
 * then, by behaviour:
 * - `fight`/`walk`: walks like the browser does (zone:move at ~20 Hz, each input the
 *   real time since the previous one, ≤ MAX_INPUT_MS) and fights the NPCs it sees
 *   with its bar's abilities (bot-fight.ts, bot-abilities.ts), respawning when it
 *   dies (`walk`: no combat:use);
 * - `move`: one zone:move per tick of its scheduler (10 Hz) in a seeded direction
 *   renewed every 1.5–2.5 s, turning back at its square's edges (move-workload.ts);
 * - `idle`: nothing after the welcome.
 * It counts the bytes the server sends it, what happened to its commands, how long
 * its join took and how long each input waited for the snapshot acknowledging it.
 */
import { io } from 'socket.io-client';
import {
  MAX_INPUT_MS,
  MOVE_BUDGET_CAP_MS,
  SnapshotReader,
  asBytes,
  snapshotParser,
  type ConnectErrorData,
  type Vec2,
  type WelcomeMsg,
  type ZoneContent,
} from '@necp/shared';
import { AckLatency } from './ack-latency';
import { DirectionSchedule, reflect, type Square } from './move-workload';
import { readMoveFrame, type MoveView } from './move-frame';
import { readSnapshot, type SnapshotPayload, type SnapshotVisitor } from './snapshot-reader';
import { count } from './stats';
import { barAbilities } from './bot-abilities';
import { ACK_TIMEOUT_MS, BotFight, type BotWorld } from './bot-fight';
import { newCounters, type BotSocket } from './bot-types';

export { newCounters, type BotCounters, type BotSocket } from './bot-types';

const PING_EVERY_MS = 2_000;

export type BotBehaviour = 'fight' | 'walk' | 'move' | 'idle';

/** A refused handshake, with the server's code (UNAUTHENTICATED, INTERNAL, …) or a transport reason. */
export class ConnectFailure extends Error {
  constructor(readonly code: string) {
    super(`connect failed: ${code}`);
  }
}

export class Bot {
  counters = newCounters();
  /** reasons this bot's connection closed unexpectedly, for the whole run */
  readonly disconnects: Record<string, number> = {};
  kicked: string | null = null;
  /** ms from starting the handshake to zone:welcome (undefined until joined) */
  joinMs: number | undefined;
  private socket: BotSocket | null = null;
  private closing = false;
  private connected = false;
  private eid = 0;
  /** zone:snapshot frames → SnapshotMsg (small-id table; reset with every welcome) */
  private readonly snapshots = new SnapshotReader();
  /** where it is and what it sees, kept up by its snapshots; the fight reads it */
  private readonly world: BotWorld;
  private readonly fighter: BotFight;
  private seq = 0;
  private lastInputAt = 0;
  private nextPingAt = 0;
  private readonly fight: boolean;
  private readonly directions: DirectionSchedule | undefined;
  private readonly ackLatency = new AckLatency();
  private readonly reader: SnapshotVisitor;
  /** move: what the lean frame walk keeps (move-frame.ts) instead of a decoded view */
  private readonly moveView: MoveView | undefined;

  constructor(
    readonly index: number,
    private readonly opts: {
      url: string;
      zone: ZoneContent;
      home: Vec2;
      behaviour: BotBehaviour;
      /** move: where the bot stays (it turns back at the edges) */
      square?: Square;
      /** move: its own seeded directions */
      random?: () => number;
      now: () => number;
      /** called with each socket it opens, before connecting (the chat bench listens on it) */
      onSocket?: (socket: BotSocket) => void;
    },
  ) {
    this.world = { pos: { ...opts.home }, serverTick: 0, seen: new Map() };
    this.fight = opts.behaviour === 'fight';
    this.fighter = new BotFight(this, this.world, opts, this.fight);
    this.directions =
      opts.behaviour === 'move' ? new DirectionSchedule(opts.random ?? Math.random) : undefined;
    this.reader = this.snapshotReader();
    if (this.directions) this.moveView = { tick: 0, ack: 0, x: 0, y: 0, visible: 0 };
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Connects with `ticket`; resolves once zone:welcome arrived. */
  connect(ticket: string, timeoutMs: number): Promise<void> {
    const socket: BotSocket = io(this.opts.url, {
      auth: { ticket },
      parser: snapshotParser,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      autoConnect: false,
      timeout: timeoutMs,
    });
    this.socket = socket;
    this.opts.onSocket?.(socket);
    socket.io.on('open', () => {
      const engine = socket.io.engine;
      // one engine.io packet per websocket frame: its type byte + payload
      engine.on('packet', (p: { data?: unknown }) => (this.counters.bytesIn += 1 + size(p.data)));
      engine.on('packetCreate', (p: { data?: unknown }) => {
        this.counters.bytesOut += 1 + size(p.data);
      });
    });
    // an idle bot only counts the bytes (above): 10,000 of them must not spend a core decoding
    if (this.opts.behaviour !== 'idle')
      socket.on('zone:snapshot', (frame) => {
        if (this.moveView) {
          this.onMoveFrame(frame, this.moveView);
          return;
        }
        try {
          this.onSnapshot(this.snapshots.read(frame));
        } catch {
          count(this.disconnects, 'bad_snapshot');
        }
      });
    socket.on('session:kicked', (m) => (this.kicked = m.reason));
    socket.on('disconnect', (reason) => {
      this.connected = false;
      if (!this.closing) count(this.disconnects, reason);
    });

    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail('timeout'), timeoutMs);
      const fail = (code: string) => {
        clearTimeout(timer);
        socket.close();
        this.socket = null;
        reject(new ConnectFailure(code));
      };
      socket.once('connect_error', (err: Error & { data?: ConnectErrorData }) =>
        fail(err.data?.code ?? err.message),
      );
      let t0 = 0;
      socket.once('zone:welcome', (w) => {
        clearTimeout(timer);
        this.joinMs = this.opts.now() - t0;
        this.onWelcome(w);
        resolve();
      });
      t0 = this.opts.now();
      socket.connect();
    });
  }

  close(): void {
    this.closing = true;
    this.connected = false;
    this.socket?.close();
  }

  /** Called by the swarm's scheduler: ~20 times a second (fight, walk), 10 (move). */
  tick(): void {
    const socket = this.socket;
    if (!this.connected || !socket) return;
    const now = this.opts.now();
    this.counters.viewTicks++;
    this.counters.viewSum += this.moveView ? this.moveView.visible : this.world.seen.size;
    for (const e of this.world.seen.values()) if (e.kind === 'npc') this.counters.npcViewSum++;
    if (this.directions) {
      this.moveOnly(socket, now);
      return;
    }

    if (now >= this.nextPingAt) this.ping(socket, now);
    const elapsed = now - this.lastInputAt;
    this.lastInputAt = now;
    const f = this.fighter;
    if (f.dead) {
      if (f.canRespawn && now >= f.respawnAt && !f.respawnPending) f.respawn(socket);
      return;
    }
    const dir = f.steer(now);
    if (dir) {
      let total = Math.round(Math.min(Math.max(elapsed, 0), MOVE_BUDGET_CAP_MS));
      while (total >= 1) {
        const ms = Math.min(total, MAX_INPUT_MS);
        socket.emit('zone:move', { seq: ++this.seq, dx: dir.x, dy: dir.y, ms });
        this.counters.moves++;
        total -= ms;
      }
    }
    if (this.fight) f.attack(socket, now);
  }

  /** move: one input covering the time since the previous one (≤ MAX_INPUT_MS). */
  private moveOnly(socket: BotSocket, now: number) {
    const directions = this.directions;
    const square = this.opts.square;
    if (!directions) return;
    let dir = directions.at(now);
    if (square) {
      const turned = reflect(this.world.pos, dir, square);
      if (turned.x !== dir.x || turned.y !== dir.y) directions.set(turned);
      dir = turned;
    }
    const ms = Math.min(Math.max(Math.round(now - this.lastInputAt), 1), MAX_INPUT_MS);
    this.lastInputAt = now;
    socket.emit('zone:move', { seq: ++this.seq, dx: dir.x, dy: dir.y, ms });
    this.ackLatency.sent(this.seq, now);
    this.counters.moves++;
  }

  private onWelcome(w: WelcomeMsg) {
    this.connected = true;
    this.eid = w.self.eid;
    this.snapshots.reset(w.self.eid, w.self);
    if (this.moveView)
      Object.assign(this.moveView, {
        tick: w.tick,
        ack: w.lastSeq,
        x: w.self.x,
        y: w.self.y,
        visible: 0,
      });
    this.world.pos = { x: w.self.x / 100, y: w.self.y / 100 };
    this.seq = w.lastSeq;
    this.world.serverTick = w.tick;
    this.lastInputAt = this.opts.now();
    // contract: SelfInfo.abilities, the bar in key order (an older sim may not send it)
    const ids: unknown = w.self.abilities;
    this.fighter.bar = Array.isArray(ids)
      ? barAbilities(ids.filter((id): id is string => typeof id === 'string'))
      : [];
    this.fighter.dead = w.self.dead === true;
  }

  /** move: the frame walked, not decoded (the bots must not be what limits the run) */
  private onMoveFrame(frame: unknown, v: MoveView) {
    const bytes = asBytes(frame);
    if (!bytes || !readMoveFrame(bytes, v)) {
      count(this.disconnects, 'bad_snapshot');
      return;
    }
    this.counters.snapshots++;
    this.world.serverTick = v.tick;
    this.world.pos = { x: v.x / 100, y: v.y / 100 };
    if (this.ackLatency.pending > 0)
      for (const ms of this.ackLatency.acked(v.ack, this.opts.now()))
        this.counters.inputLatencies.push(ms);
  }

  private onSnapshot(m: SnapshotPayload) {
    this.counters.snapshots++;
    readSnapshot(m, this.reader);
  }

  /** What a snapshot does to this bot (snapshot-reader.ts walks the payload). */
  private snapshotReader(): SnapshotVisitor {
    return {
      header: (tick, ack, x, y) => {
        this.world.serverTick = tick;
        this.world.pos = { x, y };
        if (this.ackLatency.pending > 0)
          for (const ms of this.ackLatency.acked(ack, this.opts.now()))
            this.counters.inputLatencies.push(ms);
      },
      left: (eid) => this.world.seen.delete(eid),
      entered: (eid, kind, x, y, dead) => this.world.seen.set(eid, { kind, x, y, dead }),
      moved: (eid, x, y) => {
        const e = this.world.seen.get(eid);
        if (e) {
          e.x = x;
          e.y = y;
        }
      },
      died: (eid, dead) => {
        if (eid === this.eid) this.fighter.setDead(dead, 0);
        else {
          const e = this.world.seen.get(eid);
          if (e) e.dead = dead;
        }
      },
      selfDeath: (dead, canRespawnInMs) => this.fighter.setDead(dead, canRespawnInMs),
      event: (kind, src, dst) => {
        if (src !== this.eid) return;
        if (kind === 'hit') this.counters.hits++;
        else if (kind === 'death' && dst !== this.eid) this.counters.kills++;
      },
    };
  }

  private ping(socket: BotSocket, now: number) {
    this.nextPingAt = now + PING_EVERY_MS;
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('net:ping', { t: now })
      .then(
        () => this.counters.rtts.push(this.opts.now() - now),
        () => this.counters.ackTimeouts++,
      );
  }
}

function size(data: unknown): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}
