import {
  AOI_CELL_SIZE,
  AUTO_RESPAWN_MS,
  BANK_RANGE,
  POSITION_FLUSH_MS,
  RECONNECT_GRACE_MS,
  RESPAWN_DELAY_MS,
  RESPAWN_HEALTH_PCT,
  TICK_HZ,
  TICK_MS,
  clampToBounds,
  distance,
  isStunned,
  lineOfSight,
  refillBudget,
  speedFactor,
  spendBudget,
  stepPosition,
  toCm,
  type Bounds,
  type CharStatsMsg,
  type CombatEvent,
  type CombatUse,
  type MoveInput,
  type NpcTemplate,
  type Obstacle,
  type RespawnResult,
  type Vec2,
  type ZoneContent,
  type ZoneInfo,
} from '@necp/shared';
import {
  seededRng,
  type CharacterPosition,
  type Clock,
  type Log,
  type Rng,
  type SimCharacter,
  type ZoneDrop,
} from '@necp/game';
import { nullCombatSink, type CombatSink } from '../combat/combat-sink';
import { CombatEngine, type CombatHooks, type UseResult } from '../combat/engine';
import { actorOf, type Fighter } from '../combat/fighter';
import { PositionHistory } from '../combat/position-history';
import { NpcDirector } from '../npc/director';
import type { Npc } from '../npc/npc';
import type { NpcWorld, PlayerView } from '../npc/npc-world';
import { AoiGrid } from './aoi-grid';
import type { Entity } from './entity';
import {
  MAX_QUEUED_INPUTS,
  barFor,
  createPlayer,
  freshView,
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
  /** seeded randomness for combat rolls and NPC AI (default: seed 1) */
  rng?: Rng;
  /** where kills, deaths, the combat log and wear go (default: nowhere) */
  sink?: CombatSink;
  /** spawn the content's NPCs (default true; pure tests of other things turn them off) */
  npcs?: boolean;
  /** run NPC brains each tick (default true; combat tests turn them off for still targets) */
  npcAi?: boolean;
  /** NPC templates by id (default: the shipped content) */
  npcTemplates?: (id: string) => NpcTemplate | undefined;
}

/** What new stats do to the simulated health (see Zone.setStats). */
export type HealthUpdate = 'keep' | 'take' | 'full';

export type QueueResult = 'queued' | 'full' | 'not_attached' | 'dead';
export type RespawnOutcome =
  | { ok: true; data: RespawnResult }
  | { ok: false; reason: 'not_attached' | 'not_dead' | 'too_soon' };

/** Work a zone runs every `everyMs` of clock time from inside its tick (e.g. the drop sweep). */
interface PeriodicTask {
  everyMs: number;
  lastAt: number;
  run(now: number): void;
}

/** How often the eid → character map forgets players that left and are owed no kill credit. */
const PRUNE_EIDS_MS = 60_000;

/**
 * One open-world zone: a fixed-step simulation advanced by `step()`. Nothing in here
 * knows about sockets or timers: the server schedules steps and wires connections,
 * tests call `step()` by hand with a FakeClock. Each tick: player inputs, NPC
 * brains, the combat engine, respawns, then one snapshot per client.
 */
export class Zone {
  readonly id: string;
  readonly info: ZoneInfo;
  readonly combat: CombatEngine;
  readonly npcs: NpcDirector;
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
  private readonly medicalCenters: Vec2[];
  private readonly obstacles: readonly Obstacle[];
  private readonly histories = new Map<number, PositionHistory>();
  /** every player eid seen in this zone → character id (kill credit outlives a logout) */
  private readonly characterOfEid = new Map<number, string>();
  private readonly tasks: PeriodicTask[] = [];
  private readonly grid: AoiGrid;
  private readonly bounds: Bounds;
  private readonly clock: Clock;
  private readonly log: Log;
  private readonly positions: PositionSink;
  private readonly rng: Rng;
  private sink: CombatSink;
  private readonly npcAi: boolean;
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
      obstacles: c.obstacles,
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
    this.rng = opts.rng ?? seededRng(1);
    this.sink = opts.sink ?? nullCombatSink;
    this.obstacles = c.obstacles;
    this.npcAi = opts.npcAi ?? true;
    this.lastFlushAt = opts.clock.ms();
    this.bankTerminals = c.spawnPoints.filter((s) => s.kind === 'bank_terminal');
    this.medicalCenters = c.spawnPoints.filter((s) => s.kind === 'medical_center');
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

    this.combat = new CombatEngine({
      world: {
        zoneId: this.id,
        tick: () => this.tickCount,
        fighter: (eid) => this.fighter(eid),
        fighters: () => this.fighters(),
        fightersNear: (x, y, r) => this.fightersNear(x, y, r),
        lineOfSight: (a, b) => lineOfSight(a, b, this.obstacles),
        positionAt: (eid, tick) => this.histories.get(eid)?.at(tick, this.tickCount),
      },
      clock: this.clock,
      rng: this.rng,
      hooks: this.combatHooks(),
    });
    this.npcs = new NpcDirector({
      spawns: opts.npcs === false ? [] : c.npcSpawns,
      ...(opts.npcTemplates ? { templates: opts.npcTemplates } : {}),
      obstacles: this.obstacles,
      bounds: this.bounds,
      allocEid: () => this.nextEid++,
      rng: this.rng,
      now: this.clock.ms(),
      onDespawn: (npc) => {
        this.entities.delete(npc.eid);
        this.grid.remove(npc.eid);
      },
      onRespawn: (npc) => {
        this.showNpc(npc);
        this.combat.announceRespawn(npc);
      },
    });
    for (const npc of this.npcs.npcs()) this.showNpc(npc);
    this.every(PRUNE_EIDS_MS, () => this.pruneEids());
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

  /** Routes kills, deaths, the combat log and wear (the server sets the database-backed one). */
  setSink(sink: CombatSink): void {
    this.sink = sink;
  }

  player(characterId: string): Readonly<Player> | undefined {
    return this.players.get(characterId);
  }

  /** A player or NPC in the zone by eid (hidden NPC corpses are not). */
  fighter(eid: number): Fighter | undefined {
    const e = this.entities.get(eid);
    return e?.kind === 'player' || e?.kind === 'npc' ? e : undefined;
  }

  characterIdsOfUser(userId: string): string[] {
    return [...this.players.values()].filter((p) => p.userId === userId).map((p) => p.characterId);
  }

  /** The character of a player eid seen in this zone (also after it left). */
  characterOf(eid: number): string | undefined {
    return this.characterOfEid.get(eid);
  }

  isDead(characterId: string): boolean {
    return this.players.get(characterId)?.combat.dead ?? false;
  }

  /**
   * Puts a client in control of a character. If the character is still here (live
   * under another connection, or in its reconnect window) the entity continues —
   * same eid, position, health and input seq — and `resumed` is true.
   */
  attach(
    character: SimCharacter,
    conn: ZoneConnection,
    stats?: PlayerStats,
  ): { player: Readonly<Player>; resumed: boolean } {
    let p = this.players.get(character.id);
    const resumed = p !== undefined;
    const now = this.clock.ms();
    if (p) {
      // inputs queued by the previous client must not be acked to the new one
      p.inputs = [];
    } else {
      // a save of this process may still be on its way to the database: it is newer
      const savedHealth = this.positions.latest(character.id)?.health;
      if (savedHealth !== undefined && stats) stats = { ...stats, health: savedHealth };
      const c = savedHealth === undefined ? character : { ...character, health: savedHealth };
      p = createPlayer(this.nextEid++, c, this.startPosition(character));
      if (p.combat.dead) p.combat.diedAt = now;
      this.players.set(p.characterId, p);
      this.entities.set(p.eid, p);
      this.characterOfEid.set(p.eid, p.characterId);
      this.grid.upsert(p.eid, p.x, p.y);
      this.recordPosition(p);
      this.checkBankProximity(p);
    }
    // a continued entity keeps the health the zone simulated; a new one takes the saved one
    if (stats) this.applyStats(p, stats, resumed ? 'keep' : 'take');
    p.conn = conn;
    p.droppedAt = null;
    // a new client knows nothing yet: everything in view comes as `add` next tick
    p.view = freshView(p, p.lastSeq);
    conn.welcome({
      zone: this.info,
      self: selfInfo(p, now),
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
    this.histories.delete(p.eid);
    this.combat.forget(p.eid);
    this.npcs.onPlayerGone(p.eid);
    this.positions.enqueue([this.positionOf(p)]);
    void this.positions.flush();
    return true;
  }

  /**
   * New derived stats (gear, weight, level changed): movement and combat use them
   * from the next tick. The zone owns health while the character is here, so by
   * default (`keep`) the simulated health stays, capped at the new maximum; `take`
   * uses the loaded health, `full` (a level-up) restores it. Returns char:stats.
   */
  setStats(
    characterId: string,
    stats: PlayerStats & { weight?: number; carryWeight?: number },
    health: HealthUpdate = 'keep',
  ): CharStatsMsg | undefined {
    const p = this.players.get(characterId);
    if (!p) return undefined;
    this.applyStats(p, stats, health);
    return {
      speed: p.speed,
      maxHealth: p.maxHealth,
      health: p.health,
      level: p.level,
      weight: stats.weight ?? 0,
      carryWeight: stats.carryWeight ?? 0,
    };
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
    if (p.combat.dead) return 'dead';
    if (p.inputs.length >= MAX_QUEUED_INPUTS) return 'full';
    p.inputs.push(input);
    return 'queued';
  }

  /** combat:use from a client: validated and resolved (or its cast started) now. null: not attached. */
  useAbility(characterId: string, conn: ZoneConnection, use: CombatUse): UseResult | null {
    const p = this.players.get(characterId);
    if (!p || p.conn !== conn) return null;
    return this.combat.use(p, use.ability, use.target, use.viewTick);
  }

  /** combat:cancel: stops the cast in progress (false: none, or not attached). */
  cancelCast(characterId: string, conn: ZoneConnection): boolean {
    const p = this.players.get(characterId);
    if (!p || p.conn !== conn) return false;
    return this.combat.interrupt(p);
  }

  /** combat:respawn: a dead player, RESPAWN_DELAY_MS after death, back at the nearest medical centre. */
  respawn(characterId: string, conn: ZoneConnection): RespawnOutcome {
    const p = this.players.get(characterId);
    if (!p || p.conn !== conn) return { ok: false, reason: 'not_attached' };
    if (!p.combat.dead) return { ok: false, reason: 'not_dead' };
    if (this.clock.ms() < (p.combat.diedAt ?? 0) + RESPAWN_DELAY_MS)
      return { ok: false, reason: 'too_soon' };
    return { ok: true, data: this.respawnPlayer(p) };
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

  /** Saves every character that moved or whose health changed since the last flush. */
  flushDirty(): Promise<void> {
    const dirty = [...this.players.values()].filter((p) => p.dirty || p.health !== p.savedHealth);
    if (dirty.length > 0) this.positions.enqueue(dirty.map((p) => this.positionOf(p)));
    // cleared only once handed over, so a failing enqueue retries next flush
    for (const p of dirty) {
      p.dirty = false;
      p.savedHealth = p.health;
    }
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
    if (this.npcAi) this.npcs.step(this.npcWorld, now);
    this.combat.step(now);
    for (const p of this.players.values()) {
      if (p.combat.dead && now >= (p.combat.diedAt ?? now) + AUTO_RESPAWN_MS) this.respawnPlayer(p);
    }
    if (now >= this.nextDespawnAt) this.hideExpiredDrops(now);
    this.runTasks(now);
    const events = this.combat.takeEvents();
    for (const p of this.players.values()) this.sendSnapshot(p, now, events);
    if (now - this.lastFlushAt >= POSITION_FLUSH_MS) {
      this.lastFlushAt = now;
      void this.flushDirty();
    }
  }

  /**
   * Drains this tick's inputs in order. Each input spends movement time from the
   * player's budget, which real time (one tick) refills: a client claiming more
   * time than passed runs dry and is moved no further than max speed allows.
   * Buildings block, slows slow, the stunned and the dead stay put (their inputs
   * are still acked, so the client reconciles to where they stand).
   */
  private applyInputs(p: Player): void {
    p.budget = refillBudget(p.budget, TICK_MS);
    if (p.inputs.length === 0) return;
    const from = { x: p.x, y: p.y };
    const frozen = p.combat.dead || isStunned(p.combat.effects);
    const speed = p.speed * speedFactor(p.combat.effects);
    for (const input of p.inputs) {
      const { grantedMs, budget } = spendBudget(p.budget, input.ms);
      p.budget = budget;
      if (grantedMs > 0 && !frozen) {
        const next = stepPosition(
          p,
          input.dx,
          input.dy,
          grantedMs,
          speed,
          this.bounds,
          this.obstacles,
        );
        p.x = next.x;
        p.y = next.y;
      }
      p.lastSeq = input.seq;
    }
    p.inputs = [];
    if (p.x !== from.x || p.y !== from.y) {
      p.dirty = true;
      this.grid.upsert(p.eid, p.x, p.y);
      this.recordPosition(p);
      this.checkBankProximity(p);
      // moving breaks concentration
      if (p.combat.cast) this.combat.interrupt(p);
    }
  }

  private applyStats(p: Player, stats: PlayerStats, update: HealthUpdate): void {
    p.speed = stats.speed;
    p.maxHealth = stats.maxHealth;
    if (stats.combat) p.combat.stats = stats.combat;
    const classId = stats.classId ?? p.classId;
    if (stats.level !== p.level || classId !== p.classId) {
      p.level = stats.level;
      p.classId = classId;
      p.abilities = barFor(classId, stats.level);
      p.combat.dirty = true;
    }
    if (p.combat.dead) return;
    const health = update === 'full' ? p.maxHealth : update === 'take' ? stats.health : p.health;
    p.health = Math.max(1, Math.min(health, p.maxHealth));
  }

  /** Back to life at the nearest medical centre with RESPAWN_HEALTH_PCT health, saved at once. */
  private respawnPlayer(p: Player): RespawnResult {
    const at = this.respawnPoint(p);
    p.x = at.x;
    p.y = at.y;
    p.inputs = [];
    this.grid.upsert(p.eid, p.x, p.y);
    this.recordPosition(p);
    this.combat.revive(p, Math.ceil(p.maxHealth * RESPAWN_HEALTH_PCT));
    p.dirty = false;
    p.savedHealth = p.health;
    this.positions.enqueue([this.positionOf(p)]);
    void this.positions.flush();
    this.checkBankProximity(p);
    return { x: toCm(p.x), y: toCm(p.y), health: p.health };
  }

  private respawnPoint(p: Vec2): Vec2 {
    let best: Vec2 | undefined;
    for (const m of this.medicalCenters) if (!best || distance(p, m) < distance(p, best)) best = m;
    return best ?? this.defaultSpawn();
  }

  private combatHooks(): CombatHooks {
    return {
      damaged: (target, source, amount, threat) => {
        if (target.kind === 'npc' && source.kind === 'player')
          this.npcs.onDamaged(target.eid, source.eid, amount, threat);
      },
      healed: (healer, target, amount) => {
        if (target.kind === 'player') this.npcs.onHealed(healer.eid, target.eid, amount);
      },
      died: (victim, killer) => {
        if (victim.kind === 'npc') this.npcDied(victim);
        else this.playerDied(victim, killer);
      },
      log: (row) => this.sink.log(row),
      weaponUsed: (p) => this.sink.weaponUsed(p.characterId),
      hitTaken: (p) => this.sink.hitTaken(p.characterId),
    };
  }

  private npcDied(npc: Npc): void {
    this.npcs.onDeath(npc.eid, this.clock.ms());
    const contributors: { characterId: string; damage: number }[] = [];
    for (const [eid, damage] of npc.damageBy) {
      const characterId = this.characterOfEid.get(eid);
      if (characterId && damage > 0) contributors.push({ characterId, damage });
    }
    const t = npc.template;
    this.sink.npcKilled({
      zoneId: this.id,
      killKey: npc.lifeId,
      npc: {
        templateId: t.id,
        name: t.name,
        level: npc.level,
        rank: t.rank,
        lootTable: t.lootTable,
        x: npc.x,
        y: npc.y,
      },
      contributors,
    });
  }

  private playerDied(p: Player, killer: Fighter | undefined): void {
    p.inputs = [];
    p.savedHealth = 0;
    this.npcs.onPlayerGone(p.eid);
    const k = killer && killer !== p ? actorOf(killer) : undefined;
    this.sink.playerDied({
      characterId: p.characterId,
      zoneId: this.id,
      x: p.x,
      y: p.y,
      killer: k
        ? { kind: k.sourceKind === 'npc' ? 'npc' : 'player', id: k.sourceId, name: k.sourceName }
        : null,
      deathKey: `character.died:${p.characterId}:${p.combat.diedAt ?? this.clock.ms()}`,
    });
  }

  // ── NPCs ───────────────────────────────────────────────────────────────────

  private showNpc(npc: Npc): void {
    this.entities.set(npc.eid, npc);
    this.grid.upsert(npc.eid, npc.x, npc.y);
    this.recordPosition(npc);
  }

  /** What NPC brains may ask of the zone (see npc/npc-world.ts); tests move NPCs with it too. */
  readonly npcWorld: NpcWorld = {
    now: () => this.clock.ms(),
    playersNear: (x, y, radius) => this.playersNear(x, y, radius),
    player: (eid) => {
      const e = this.entities.get(eid);
      return e?.kind === 'player' ? playerView(e) : undefined;
    },
    lineOfSight: (a, b) => lineOfSight(a, b, this.obstacles),
    moveNpcToward: (eid, to) => this.moveNpcToward(eid, to),
    placeNpc: (eid, at) => {
      const npc = this.npcs.npc(eid);
      if (!npc) return;
      npc.x = at.x;
      npc.y = at.y;
      if (this.entities.has(eid)) this.grid.upsert(eid, at.x, at.y);
      this.recordPosition(npc);
    },
    useAbility: (eid, abilityId, targetEid) => {
      const npc = this.npcs.npc(eid);
      if (!npc) return 'DEAD';
      const r = this.combat.use(npc, abilityId, targetEid);
      return r.ok ? null : r.refusal;
    },
    resetNpc: (eid) => {
      const npc = this.npcs.npc(eid);
      if (npc) this.combat.reset(npc);
    },
    random: () => this.rng.float(),
  };

  private moveNpcToward(eid: number, to: Vec2): Vec2 {
    const npc = this.npcs.npc(eid);
    if (!npc) return to;
    const here = { x: npc.x, y: npc.y };
    if (npc.combat.dead || isStunned(npc.combat.effects)) return here;
    const speed = npc.speed * speedFactor(npc.combat.effects);
    const d = distance(npc, to);
    if (d < 1e-6 || speed <= 0) return here;
    const reach = (speed * TICK_MS) / 1000;
    const ms = d <= reach ? (d / speed) * 1000 : TICK_MS;
    const next = stepPosition(
      npc,
      (to.x - npc.x) / d,
      (to.y - npc.y) / d,
      ms,
      speed,
      this.bounds,
      this.obstacles,
    );
    if (next.x === npc.x && next.y === npc.y) return here;
    npc.x = next.x;
    npc.y = next.y;
    if (this.entities.has(eid)) this.grid.upsert(eid, npc.x, npc.y);
    this.recordPosition(npc);
    if (npc.combat.cast) this.combat.interrupt(npc);
    return next;
  }

  private playersNear(x: number, y: number, radius: number): PlayerView[] {
    const out: PlayerView[] = [];
    this.grid.forEachNear(x, y, radius, (eid) => {
      const e = this.entities.get(eid);
      if (e?.kind === 'player' && Math.hypot(e.x - x, e.y - y) <= radius) out.push(playerView(e));
    });
    return out;
  }

  private fighters(): Fighter[] {
    const out: Fighter[] = [...this.players.values()];
    for (const npc of this.npcs.npcs()) if (this.entities.has(npc.eid)) out.push(npc);
    return out;
  }

  private fightersNear(x: number, y: number, radius: number): Fighter[] {
    const out: Fighter[] = [];
    this.grid.forEachNear(x, y, radius, (eid) => {
      const f = this.fighter(eid);
      if (f && Math.hypot(f.x - x, f.y - y) <= radius) out.push(f);
    });
    return out;
  }

  private recordPosition(f: Fighter): void {
    let h = this.histories.get(f.eid);
    if (!h) this.histories.set(f.eid, (h = new PositionHistory()));
    h.record(this.tickCount, f.x, f.y);
  }

  /** Forgets players that left and whom no living NPC owes kill credit. */
  private pruneEids(): void {
    const owed = new Set<number>();
    for (const npc of this.npcs.npcs()) for (const eid of npc.damageBy.keys()) owed.add(eid);
    for (const eid of this.characterOfEid.keys()) {
      if (!this.entities.has(eid) && !owed.has(eid)) this.characterOfEid.delete(eid);
    }
  }

  // ── persistence and housekeeping ───────────────────────────────────────────

  /**
   * The API's bank check reads the stored position, so crossing BANK_RANGE of a
   * terminal (either way) saves it now instead of at the next periodic flush.
   */
  private checkBankProximity(p: Player): void {
    const near = this.bankTerminals.some((b) => distance(p, b) <= BANK_RANGE);
    if (near === p.nearBank) return;
    p.nearBank = near;
    p.dirty = false;
    p.savedHealth = p.health;
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

  private sendSnapshot(p: Player, now: number, events: readonly CombatEvent[]): void {
    if (!p.conn) return;
    const msg = diffView(p, this.tickCount, now, this.entities, this.grid, events);
    if (!msg) return;
    try {
      p.conn.snapshot(msg);
    } catch (err) {
      // one broken connection must not starve the others of their snapshots
      this.log.warn({ err, characterId: p.characterId }, 'sending snapshot failed');
    }
  }

  private defaultSpawn(): Vec2 {
    const spawn =
      this.info.spawnPoints.find((s) => s.kind === 'player_start') ?? this.info.spawnPoints[0];
    return { x: spawn?.x ?? 0, y: spawn?.y ?? 0 };
  }

  private startPosition(c: SimCharacter): { x: number; y: number } {
    const saved = this.positions.latest(c.id);
    const at = saved && saved.zoneId === this.id ? saved : c;
    if (Number.isFinite(at.x) && Number.isFinite(at.y)) return clampToBounds(at, this.bounds);
    return this.defaultSpawn();
  }

  private positionOf(p: Player): CharacterPosition {
    return { characterId: p.characterId, zoneId: this.id, x: p.x, y: p.y, health: p.health };
  }
}

const playerView = (p: Player): PlayerView => ({
  eid: p.eid,
  x: p.x,
  y: p.y,
  level: p.level,
  dead: p.combat.dead,
});
