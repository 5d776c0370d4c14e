import {
  AOI_CELL_SIZE,
  BANK_RANGE,
  POSITION_FLUSH_MS,
  RECONNECT_GRACE_MS,
  TICK_HZ,
  TICK_MS,
  clampToBounds,
  distance,
  refillBudget,
  spendBudget,
  stepPosition,
  toCm,
  type Bounds,
  type MoveInput,
  type Vec2,
  type ZoneContent,
  type ZoneInfo,
} from '@necp/shared';
import type { CharacterPosition, Clock, Log, SimCharacter, ZoneDrop } from '@necp/game';
import { AoiGrid } from './aoi-grid';
import type { Entity } from './entity';
import {
  MAX_QUEUED_INPUTS,
  createPlayer,
  selfInfo,
  type Player,
  type PlayerStats,
  type ZoneConnection,
} from './player';
import type { PositionSink } from './position-writer';
import { diffView } from './view';
import type { CrateEntity, DropEntity } from './world-objects';

export interface ZoneOptions {
  content: ZoneContent;
  clock: Clock;
  log: Log;
  positions: PositionSink;
}

export type QueueResult = 'queued' | 'full' | 'not_attached';

/** Work a zone runs every `everyMs` of clock time from inside its tick (e.g. the drop sweep). */
interface PeriodicTask {
  everyMs: number;
  lastAt: number;
  run(now: number): void;
}

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
  private readonly entities = new Map<number, Entity>();
  /** by WorldDrop id */
  private readonly drops = new Map<string, DropEntity>();
  /** earliest despawnAt among the drops: ticks before it skip the expiry scan */
  private nextDespawnAt = Infinity;
  private readonly crates = new Map<number, CrateEntity>();
  private readonly bankTerminals: Vec2[];
  private readonly tasks: PeriodicTask[] = [];
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
    this.bankTerminals = c.spawnPoints.filter((s) => s.kind === 'bank_terminal');
    for (const s of c.spawnPoints) {
      if (s.kind !== 'loot_crate' || !s.lootTable) continue;
      const crate: CrateEntity = {
        kind: 'crate',
        eid: this.nextEid++,
        spawnId: s.id,
        name: s.name,
        lootTable: s.lootTable,
        x: s.x,
        y: s.y,
      };
      this.crates.set(crate.eid, crate);
      this.entities.set(crate.eid, crate);
      this.grid.upsert(crate.eid, crate.x, crate.y);
    }
  }

  get tick(): number {
    return this.tickCount;
  }

  get playerCount(): number {
    return this.players.size;
  }

  get dropCount(): number {
    return this.drops.size;
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
    stats?: PlayerStats,
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
      this.checkBankProximity(p);
    }
    if (stats) Object.assign(p, pickStats(stats));
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

  /** New derived stats (gear, weight, level changed): movement uses the new speed from the next tick. */
  setStats(characterId: string, stats: PlayerStats): boolean {
    const p = this.players.get(characterId);
    if (!p) return false;
    Object.assign(p, pickStats(stats));
    return true;
  }

  /** Shows a drop (idempotent: a drop already shown keeps its eid). Drops of other zones are ignored. */
  addDrop(drop: ZoneDrop): Readonly<DropEntity> | undefined {
    if (drop.zoneId !== this.id) return undefined;
    const known = this.drops.get(drop.id);
    if (known) return known;
    const e: DropEntity = { ...drop, kind: 'drop', eid: this.nextEid++ };
    this.drops.set(e.id, e);
    this.entities.set(e.eid, e);
    this.grid.upsert(e.eid, e.x, e.y);
    this.nextDespawnAt = Math.min(this.nextDespawnAt, e.despawnAt);
    return e;
  }

  /** Hides a drop (picked up, expired); viewers see it leave on the next tick. */
  removeDrop(dropId: string): boolean {
    const e = this.drops.get(dropId);
    if (!e) return false;
    this.drops.delete(dropId);
    this.entities.delete(e.eid);
    this.grid.remove(e.eid);
    return true;
  }

  dropByEid(eid: number): Readonly<DropEntity> | undefined {
    const e = this.entities.get(eid);
    return e?.kind === 'drop' ? e : undefined;
  }

  crateByEid(eid: number): Readonly<CrateEntity> | undefined {
    return this.crates.get(eid);
  }

  /** Runs `run` from inside the tick every `everyMs` of clock time (first run one interval from now). */
  every(everyMs: number, run: (now: number) => void): void {
    this.tasks.push({ everyMs, lastAt: this.clock.ms(), run });
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
    for (const p of all) {
      this.grid.remove(p.eid);
      this.entities.delete(p.eid);
    }
    this.players.clear();
    this.tasks.length = 0;
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
    if (now >= this.nextDespawnAt) this.hideExpiredDrops(now);
    this.runTasks(now);
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
      this.checkBankProximity(p);
    }
  }

  /**
   * The API's bank check reads the stored position, so crossing BANK_RANGE of a
   * terminal (either way) saves it now instead of at the next periodic flush.
   */
  private checkBankProximity(p: Player): void {
    const near = this.bankTerminals.some((b) => distance(p, b) <= BANK_RANGE);
    if (near === p.nearBank) return;
    p.nearBank = near;
    p.dirty = false;
    this.positions.enqueue([this.positionOf(p)]);
    void this.positions.flush();
  }

  /** Expired drops leave view on the clock; the DB sweep (a periodic task) destroys them for good. */
  private hideExpiredDrops(now: number): void {
    let next = Infinity;
    for (const d of [...this.drops.values()]) {
      if (d.despawnAt <= now) this.removeDrop(d.id);
      else next = Math.min(next, d.despawnAt);
    }
    this.nextDespawnAt = next;
  }

  private runTasks(now: number): void {
    for (const t of this.tasks) {
      if (now - t.lastAt < t.everyMs) continue;
      t.lastAt = now;
      try {
        t.run(now);
      } catch (err) {
        this.log.error({ err }, 'zone task failed');
      }
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

const pickStats = (s: PlayerStats): PlayerStats => ({
  speed: s.speed,
  health: s.health,
  maxHealth: s.maxHealth,
  level: s.level,
});
