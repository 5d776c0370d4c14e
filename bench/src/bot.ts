/**
 * One headless player: a real socket.io client that logs in with a sim ticket and
 * then, by behaviour:
 * - `fight`/`walk`: walks like the browser does (zone:move at ~20 Hz, each input the
 *   real time since the previous one, ≤ MAX_INPUT_MS) and fights the NPCs it sees
 *   with its bar's abilities (bot-abilities.ts), respawning when it dies (`walk`: no
 *   combat:use);
 * - `move`: one zone:move per tick of its scheduler (10 Hz) in a seeded direction
 *   renewed every 1.5–2.5 s, turning back at its square's edges (move-workload.ts);
 * - `idle`: nothing after the welcome.
 * It counts the bytes the server sends it, what happened to its commands, how long
 * its join took and how long each input waited for the snapshot acknowledging it.
 */
import { io, type Socket } from 'socket.io-client';
import {
  MAX_INPUT_MS,
  MOVE_BUDGET_CAP_MS,
  SnapshotReader,
  VIEW_RADIUS,
  asBytes,
  snapshotParser,
  type Ack,
  type ClientToServerEvents,
  type CombatUseResult,
  type ConnectErrorData,
  type EntityKind,
  type RespawnResult,
  type ServerToClientEvents,
  type Vec2,
  type WelcomeMsg,
  type ZoneContent,
} from '@necp/shared';
import { AckLatency } from './ack-latency';
import { DirectionSchedule, reflect, type Square } from './move-workload';
import { readMoveFrame, type MoveView } from './move-frame';
import { readSnapshot, type SnapshotPayload, type SnapshotVisitor } from './snapshot-reader';
import { count } from './stats';
import { BASIC_REACH_M, barAbilities, chooseAbility, type BarAbility } from './bot-abilities';
import { pointIn } from './population';

export type BotSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 5_000;
const PING_EVERY_MS = 2_000;
/** how far from home a bot wanders when nothing is in view to fight */
const WANDER_RADIUS_M = 15;

/** Counted over the measured window (reset at its start). */
export interface BotCounters {
  bytesIn: number;
  bytesOut: number;
  snapshots: number;
  moves: number;
  /** combat:use sent / acked ok / refused by code */
  uses: number;
  usesOk: number;
  refusals: Record<string, number>;
  /** combat events in snapshots where this bot was the source */
  hits: number;
  kills: number;
  deaths: number;
  respawns: number;
  ackTimeouts: number;
  /** acks with an error that is not a combat refusal, by code */
  ackErrors: Record<string, number>;
  /** net:ping round trips, ms */
  rtts: number[];
  /** entities in view, summed over ticks, and the number of ticks */
  viewSum: number;
  npcViewSum: number;
  viewTicks: number;
  /** ms from sending each input to the first snapshot acknowledging it */
  inputLatencies: number[];
}

export type BotBehaviour = 'fight' | 'walk' | 'move' | 'idle';

export const newCounters = (): BotCounters => ({
  bytesIn: 0,
  bytesOut: 0,
  snapshots: 0,
  moves: 0,
  uses: 0,
  usesOk: 0,
  refusals: {},
  hits: 0,
  kills: 0,
  deaths: 0,
  respawns: 0,
  ackTimeouts: 0,
  ackErrors: {},
  rtts: [],
  viewSum: 0,
  npcViewSum: 0,
  viewTicks: 0,
  inputLatencies: [],
});

interface Seen {
  kind: EntityKind;
  x: number;
  y: number;
  dead: boolean;
}

/** Refusal codes of combat:use that are part of normal play, not errors. */
const COMBAT_REFUSALS = new Set([
  'UNKNOWN_ABILITY',
  'INVALID_TARGET',
  'OUT_OF_RANGE',
  'NO_LINE_OF_SIGHT',
  'COOLDOWN',
  'GCD',
  'NO_RESOURCE',
  'CASTING',
  'STUNNED',
  'SILENCED',
  'DEAD',
  'RATE_LIMITED',
]);

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
  private pos: Vec2;
  private serverTick = 0;
  private readonly seen = new Map<number, Seen>();
  /** the bar's abilities (from the welcome), with when each is ready again */
  private bar: BarAbility[] = [];
  /** set when the sim does not know combat:use */
  private combatOff = false;
  private seq = 0;
  private lastInputAt = 0;
  private waypoint: Vec2 | null = null;
  private waypointUntil = 0;
  private target = 0;
  /** how close the basic attack needs to be (shrinks after OUT_OF_RANGE) */
  private reach = BASIC_REACH_M;
  private nextUseAt = 0;
  private usePending = false;
  private dead = false;
  private respawnAt = 0;
  private respawnPending = false;
  /** false once the sim answered combat:respawn with VALIDATION (a sim without combat) */
  private canRespawn = true;
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
    this.pos = { ...opts.home };
    this.fight = opts.behaviour === 'fight';
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
    this.counters.viewSum += this.moveView ? this.moveView.visible : this.seen.size;
    for (const e of this.seen.values()) if (e.kind === 'npc') this.counters.npcViewSum++;
    if (this.directions) {
      this.moveOnly(socket, now);
      return;
    }

    if (now >= this.nextPingAt) this.ping(socket, now);
    const elapsed = now - this.lastInputAt;
    this.lastInputAt = now;
    if (this.dead) {
      if (this.canRespawn && now >= this.respawnAt && !this.respawnPending) this.respawn(socket);
      return;
    }
    const dir = this.steer(now);
    if (dir) {
      let total = Math.round(Math.min(Math.max(elapsed, 0), MOVE_BUDGET_CAP_MS));
      while (total >= 1) {
        const ms = Math.min(total, MAX_INPUT_MS);
        socket.emit('zone:move', { seq: ++this.seq, dx: dir.x, dy: dir.y, ms });
        this.counters.moves++;
        total -= ms;
      }
    }
    if (this.fight) this.attack(socket, now);
  }

  /** move: one input covering the time since the previous one (≤ MAX_INPUT_MS). */
  private moveOnly(socket: BotSocket, now: number) {
    const directions = this.directions;
    const square = this.opts.square;
    if (!directions) return;
    let dir = directions.at(now);
    if (square) {
      const turned = reflect(this.pos, dir, square);
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
    this.pos = { x: w.self.x / 100, y: w.self.y / 100 };
    this.seq = w.lastSeq;
    this.serverTick = w.tick;
    this.lastInputAt = this.opts.now();
    // contract: SelfInfo.abilities, the bar in key order (an older sim may not send it)
    const ids: unknown = w.self.abilities;
    this.bar = Array.isArray(ids)
      ? barAbilities(ids.filter((id): id is string => typeof id === 'string'))
      : [];
    this.dead = w.self.dead === true;
  }

  /** move: the frame walked, not decoded (the bots must not be what limits the run) */
  private onMoveFrame(frame: unknown, v: MoveView) {
    const bytes = asBytes(frame);
    if (!bytes || !readMoveFrame(bytes, v)) {
      count(this.disconnects, 'bad_snapshot');
      return;
    }
    this.counters.snapshots++;
    this.serverTick = v.tick;
    this.pos = { x: v.x / 100, y: v.y / 100 };
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
        this.serverTick = tick;
        this.pos = { x, y };
        if (this.ackLatency.pending > 0)
          for (const ms of this.ackLatency.acked(ack, this.opts.now()))
            this.counters.inputLatencies.push(ms);
      },
      left: (eid) => this.seen.delete(eid),
      entered: (eid, kind, x, y, dead) => this.seen.set(eid, { kind, x, y, dead }),
      moved: (eid, x, y) => {
        const e = this.seen.get(eid);
        if (e) {
          e.x = x;
          e.y = y;
        }
      },
      died: (eid, dead) => {
        if (eid === this.eid) this.setDead(dead, 0);
        else {
          const e = this.seen.get(eid);
          if (e) e.dead = dead;
        }
      },
      selfDeath: (dead, canRespawnInMs) => this.setDead(dead, canRespawnInMs),
      event: (kind, src, dst) => {
        if (src !== this.eid) return;
        if (kind === 'hit') this.counters.hits++;
        else if (kind === 'death' && dst !== this.eid) this.counters.kills++;
      },
    };
  }

  private setDead(dead: boolean, respawnInMs: number) {
    if (dead && !this.dead) {
      this.counters.deaths++;
      this.target = 0;
    }
    if (dead) this.respawnAt = Math.max(this.respawnAt, this.opts.now() + respawnInMs);
    this.dead = dead;
  }

  /** Towards the NPC target until within basic-attack reach, else wander around home; null: stand still. */
  private steer(now: number): Vec2 | null {
    const target = this.fight && !this.combatOff ? this.pickTarget() : undefined;
    if (target) {
      const d = Math.hypot(target.x - this.pos.x, target.y - this.pos.y);
      if (d <= this.reach) return null;
      return { x: (target.x - this.pos.x) / d, y: (target.y - this.pos.y) / d };
    }
    if (!this.waypoint || now > this.waypointUntil || near(this.pos, this.waypoint, 1.5)) {
      const home = this.opts.home;
      this.waypoint = pointIn(
        this.opts.zone,
        { x: home.x, y: home.y, radius: WANDER_RADIUS_M },
        Math.random,
      );
      this.waypointUntil = now + 8_000;
    }
    const d = Math.hypot(this.waypoint.x - this.pos.x, this.waypoint.y - this.pos.y);
    if (d < 0.01) return null;
    return { x: (this.waypoint.x - this.pos.x) / d, y: (this.waypoint.y - this.pos.y) / d };
  }

  /** The current target if still alive in view, else the nearest living NPC in view. */
  private pickTarget(): Seen | undefined {
    const current = this.seen.get(this.target);
    if (current && current.kind === 'npc' && !current.dead) return current;
    let best: Seen | undefined;
    let bestD = VIEW_RADIUS;
    this.target = 0;
    for (const [eid, e] of this.seen) {
      if (e.kind !== 'npc' || e.dead) continue;
      const d = Math.hypot(e.x - this.pos.x, e.y - this.pos.y);
      if (d < bestD) {
        best = e;
        bestD = d;
        this.target = eid;
      }
    }
    this.reach = BASIC_REACH_M;
    return best;
  }

  /** A living player in view within `range` m (for ally abilities), if any. */
  private allyWithin(range: number): number | undefined {
    for (const [eid, e] of this.seen)
      if (e.kind === 'player' && !e.dead && near(this.pos, e, range)) return eid;
    return undefined;
  }

  private attack(socket: BotSocket, now: number) {
    if (this.combatOff || this.usePending || now < this.nextUseAt || this.bar.length === 0) return;
    const t = this.seen.get(this.target);
    const enemy =
      t && t.kind === 'npc' && !t.dead
        ? { eid: this.target, distance: Math.hypot(t.x - this.pos.x, t.y - this.pos.y) }
        : undefined;
    const choice = chooseAbility(this.bar, now, enemy, (r) => this.allyWithin(r), this.reach + 0.5);
    if (!choice) return;
    this.usePending = true;
    this.counters.uses++;
    const payload = {
      ability: choice.ability.id,
      ...(choice.target === undefined ? {} : { target: choice.target }),
      viewTick: this.serverTick,
    };
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('combat:use', payload)
      .then(
        (res) => this.onUseAck(choice.ability, res),
        () => this.onUseAck(choice.ability, null),
      );
  }

  private onUseAck(ability: BarAbility, res: Ack<CombatUseResult> | null) {
    this.usePending = false;
    const at = this.opts.now();
    if (!res) {
      this.counters.ackTimeouts++;
      this.nextUseAt = at + 1_000;
      return;
    }
    if (res.ok) {
      this.counters.usesOk++;
      ability.readyAt = at + res.data.castMs + ability.cooldownMs;
      this.nextUseAt = at + Math.max(res.data.castMs + 100, 500);
      return;
    }
    const code = res.error.code;
    if (COMBAT_REFUSALS.has(code)) count(this.counters.refusals, code);
    else count(this.counters.ackErrors, `combat:use ${code}`);
    this.nextUseAt = at + 300;
    if (code === 'OUT_OF_RANGE' || code === 'NO_LINE_OF_SIGHT') {
      if (ability.basic) this.reach = Math.max(0.75, this.reach * 0.6);
      else ability.readyAt = at + 1_000;
    } else if (code === 'INVALID_TARGET') this.target = 0;
    else if (code === 'COOLDOWN') ability.readyAt = at + 1_000;
    else if (code === 'UNKNOWN_ABILITY') ability.readyAt = Infinity;
    // a sim without combat:use (unknown event): repeating it would get the bot kicked
    else if (code === 'VALIDATION') this.combatOff = true;
    else if (code === 'NO_RESOURCE') this.nextUseAt = at + 1_500;
    else if (code === 'DEAD') this.setDead(true, 1_000);
  }

  private respawn(socket: BotSocket) {
    this.respawnPending = true;
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('combat:respawn', {})
      .then(
        (res) => this.onRespawnAck(res),
        () => this.onRespawnAck(null),
      );
  }

  private onRespawnAck(res: Ack<RespawnResult> | null) {
    this.respawnPending = false;
    const at = this.opts.now();
    if (!res) {
      this.counters.ackTimeouts++;
      this.respawnAt = at + 1_000;
    } else if (res.ok) {
      this.counters.respawns++;
      this.dead = false;
      this.respawnAt = 0;
      this.waypoint = null;
    } else {
      count(this.counters.ackErrors, `combat:respawn ${res.error.code}`);
      this.respawnAt = at + 1_000;
      if (res.error.code === 'VALIDATION') this.canRespawn = false;
    }
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

const near = (a: Vec2, b: Vec2, r: number) => Math.hypot(a.x - b.x, a.y - b.y) <= r;

function size(data: unknown): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}
