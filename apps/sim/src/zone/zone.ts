import {
  AOI_CELL_SIZE,
  POSITION_FLUSH_MS,
  RECONNECT_GRACE_MS,
  TICK_HZ,
  TICK_MS,
  clampToBounds,
  refillBudget,
  spendBudget,
  stepPosition,
  toCm,
  type Bounds,
  type MoveInput,
  type ZoneContent,
  type ZoneInfo,
} from '@necp/shared';
import type { CharacterPosition, Clock, Log, SimCharacter } from '@necp/game';
import { AoiGrid } from './aoi-grid';
import {
  MAX_QUEUED_INPUTS,
  createPlayer,
  selfInfo,
  type Player,
  type ZoneConnection,
} from './player';
import type { PositionSink } from './position-writer';
import { diffView } from './view';

export interface ZoneOptions {
  content: ZoneContent;
  clock: Clock;
  log: Log;
  positions: PositionSink;
}

export type QueueResult = 'queued' | 'full' | 'not_attached';

/**
 * One open-world zone: a fixed-step simulation advanced by `step()`. Nothing in here
 * knows about sockets or timers: the server schedules steps and wires connections,
 * tests call `step()` by hand with a FakeClock.
 */
export class Zone {
  readonly id: string;
  readonly info: ZoneInfo;
  private tickCount = 0;
  private nextEid = 1;
  private readonly players = new Map<string, Player>();
  private readonly entities = new Map<number, Player>();
  private readonly grid: AoiGrid;
  private readonly bounds: Bounds;
  private readonly clock: Clock;
  private readonly log: Log;
  private readonly positions: PositionSink;
  private lastFlushAt: number;

  constructor(opts: ZoneOptions) {
    const c = opts.content;
    this.id = c.id;
    this.info = {
      id: c.id,
      name: c.name,
      width: c.width,
      height: c.height,
      streets: c.streets,
      spawnPoints: c.spawnPoints.map((s) => ({
        id: s.id,
        kind: s.kind,
        name: s.name,
        x: s.x,
        y: s.y,
      })),
    };
    this.bounds = { width: c.width, height: c.height };
    this.grid = new AoiGrid(AOI_CELL_SIZE, c.width, c.height);
    this.clock = opts.clock;
    this.log = opts.log.child({ zone: c.id });
    this.positions = opts.positions;
    this.lastFlushAt = opts.clock.ms();
  }

  get tick(): number {
    return this.tickCount;
  }

  get playerCount(): number {
    return this.players.size;
  }

  player(characterId: string): Readonly<Player> | undefined {
    return this.players.get(characterId);
  }

  characterIdsOfUser(userId: string): string[] {
    return [...this.players.values()].filter((p) => p.userId === userId).map((p) => p.characterId);
  }

  /**
   * Puts a client in control of a character. If the character is still here (live
   * under another connection, or in its reconnect window) the entity continues —
   * same eid, position and input seq — and `resumed` is true.
   */
  attach(
    character: SimCharacter,
    conn: ZoneConnection,
  ): { player: Readonly<Player>; resumed: boolean } {
    let p = this.players.get(character.id);
    const resumed = p !== undefined;
    if (p) {
      // inputs queued by the previous client must not be acked to the new one
      p.inputs = [];
    } else {
      p = createPlayer(this.nextEid++, character, this.startPosition(character));
      this.players.set(p.characterId, p);
      this.entities.set(p.eid, p);
      this.grid.upsert(p.eid, p.x, p.y);
    }
    p.conn = conn;
    p.droppedAt = null;
    // a new client knows nothing yet: everything in view comes as `add` next tick
    p.view = { seen: new Map(), me: { x: toCm(p.x), y: toCm(p.y) }, ack: p.lastSeq };
    conn.welcome({
      zone: this.info,
      self: selfInfo(p),
      tick: this.tickCount,
      tickHz: TICK_HZ,
      resumed,
      lastSeq: p.lastSeq,
    });
    return { player: p, resumed };
  }

  /** The client dropped: the entity stays for RECONNECT_GRACE_MS. Ignored if another connection took over. */
  detach(characterId: string, conn: ZoneConnection): boolean {
    const p = this.players.get(characterId);
    if (!p || p.conn !== conn) return false;
    p.conn = null;
    p.droppedAt = this.clock.ms();
    p.inputs = [];
    return true;
  }

  /** Removes a character now (and saves it); others see it leave on the next tick. */
  remove(characterId: string): boolean {
    const p = this.players.get(characterId);
    if (!p) return false;
    this.players.delete(characterId);
    this.entities.delete(p.eid);
    this.grid.remove(p.eid);
    this.positions.enqueue([this.positionOf(p)]);
    void this.positions.flush();
    return true;
  }

  queueInput(characterId: string, conn: ZoneConnection, input: MoveInput): QueueResult {
    const p = this.players.get(characterId);
    if (!p || p.conn !== conn) return 'not_attached';
    if (p.inputs.length >= MAX_QUEUED_INPUTS) return 'full';
    p.inputs.push(input);
    return 'queued';
  }

  /** Advances exactly one tick. Never throws: a failing tick is logged and the zone keeps running. */
  step(): void {
    this.tickCount++;
    try {
      this.advance();
    } catch (err) {
      this.log.error({ err, tick: this.tickCount }, 'zone tick failed');
    }
  }

  /** Saves every character that moved since the last flush. */
  flushDirty(): Promise<void> {
    const dirty = [...this.players.values()].filter((p) => p.dirty);
    if (dirty.length > 0) this.positions.enqueue(dirty.map((p) => this.positionOf(p)));
    // cleared only once handed over, so a failing enqueue retries next flush
    for (const p of dirty) p.dirty = false;
    return this.positions.flush();
  }

  /** Saves and removes everyone (server shutdown). */
  async shutdown(): Promise<void> {
    const all = [...this.players.values()];
    this.positions.enqueue(all.map((p) => this.positionOf(p)));
    for (const p of all) this.grid.remove(p.eid);
    this.players.clear();
    this.entities.clear();
    await this.positions.flush();
  }

  private advance(): void {
    const now = this.clock.ms();
    for (const p of this.players.values()) this.applyInputs(p);
    for (const p of [...this.players.values()]) {
      if (p.conn === null && p.droppedAt !== null && now - p.droppedAt >= RECONNECT_GRACE_MS) {
        this.remove(p.characterId);
      }
    }
    for (const p of this.players.values()) this.sendSnapshot(p);
    if (now - this.lastFlushAt >= POSITION_FLUSH_MS) {
      this.lastFlushAt = now;
      void this.flushDirty();
    }
  }

  /**
   * Drains this tick's inputs in order. Each input spends movement time from the
   * player's budget, which real time (one tick) refills: a client claiming more
   * time than passed runs dry and is moved no further than max speed allows.
   */
  private applyInputs(p: Player): void {
    p.budget = refillBudget(p.budget, TICK_MS);
    if (p.inputs.length === 0) return;
    const from = { x: p.x, y: p.y };
    for (const input of p.inputs) {
      const { grantedMs, budget } = spendBudget(p.budget, input.ms);
      p.budget = budget;
      if (grantedMs > 0) {
        const next = stepPosition(p, input.dx, input.dy, grantedMs, p.speed, this.bounds);
        p.x = next.x;
        p.y = next.y;
      }
      p.lastSeq = input.seq;
    }
    p.inputs = [];
    if (p.x !== from.x || p.y !== from.y) {
      p.dirty = true;
      this.grid.upsert(p.eid, p.x, p.y);
    }
  }

  private sendSnapshot(p: Player): void {
    if (!p.conn) return;
    const msg = diffView(p, this.tickCount, this.entities, this.grid);
    if (!msg) return;
    try {
      p.conn.snapshot(msg);
    } catch (err) {
      // one broken connection must not starve the others of their snapshots
      this.log.warn({ err, characterId: p.characterId }, 'sending snapshot failed');
    }
  }

  private startPosition(c: SimCharacter): { x: number; y: number } {
    const saved = this.positions.latest(c.id);
    const at = saved && saved.zoneId === this.id ? saved : c;
    if (Number.isFinite(at.x) && Number.isFinite(at.y)) return clampToBounds(at, this.bounds);
    const spawn =
      this.info.spawnPoints.find((s) => s.kind === 'player_start') ?? this.info.spawnPoints[0];
    return { x: spawn?.x ?? 0, y: spawn?.y ?? 0 };
  }

  private positionOf(p: Player): CharacterPosition {
    return { characterId: p.characterId, zoneId: this.id, x: p.x, y: p.y };
  }
}
