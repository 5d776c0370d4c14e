import {
  AOI_CELL_SIZE,
  AUTO_RESPAWN_MS,
  POSITION_FLUSH_MS,
  RECONNECT_GRACE_MS,
  RESPAWN_DELAY_MS,
  RESPAWN_HEALTH_PCT,
  TICK_HZ,
  clampToBounds,
  contactsInZone,
  lineOfSight,
  toCm,
  type Bounds,
  type CharStatsMsg,
  type CombatUse,
  type MoveInput,
  type NpcTemplate,
  type Obstacle,
  type RespawnResult,
  type Vec2,
  type WelcomeMsg,
  type ZoneArea,
  type ZoneContent,
  type ZoneInfo,
} from '@necp/shared';
import {
  seededStream,
  type CharacterPosition,
  type Clock,
  type Log,
  type Rng,
  type SimCharacter,
  type ZoneDrop,
  type ZoneFence,
} from '@necp/game';
import { nullCombatSink, type CombatSink } from '../outcomes/combat-sink';
import { CombatEngine, type UseResult } from '../combat/engine';
import type { Fighter } from '../combat/fighter';
import { NpcDirector } from '../npc/director';
import type { NpcWorld } from '../npc/npc-world';
import { respawnPoint } from './death-and-respawn';
import { DropsAndCrates } from './drops-and-crates';
import { PeriodicTasks } from './periodic-tasks';
import {
  MAX_QUEUED_INPUTS,
  createPlayer,
  freshView,
  selfInfo,
  type Player,
  type PlayerStats,
  type ZoneConnection,
} from './player';
import { applyInputs } from './player-moves';
import { applyStats, statsMsg, type HealthUpdate, type StatsUpdate } from './player-stats';
import { PositionSaves, servicePointsOf } from './position-saves';
import type { PositionSink } from './position-writer';
import { contactEntity, type CrateEntity, type DropEntity } from './world-objects';
import { nullAreaSink, updateAreas, type AreaSink } from './zone-areas';
import { zoneCombatHooks } from './zone-combat-hooks';
import {
  carriedCombat,
  type CarriedCombat,
  type CommandOf,
  type DepartOutcome,
  type HandoverSave,
  type QueueResult,
  type RespawnOutcome,
  type AttachResult,
  type ZoneCommandKind,
  type ZoneCommandResults,
} from './zone-commands';
import { ZONE_INBOX_CAP, type InboxEntry } from './zone-inbox';
import { ZoneIntake } from './zone-intake';
import { TickClock } from './tick-clock';
import { departureRefusal } from './metro-departure';
import { hashZoneState } from './state-hash';
import {
  INPUTS_FULL,
  NOT_DEAD,
  NOT_IN_ZONE,
  RESPAWN_TOO_SOON,
  YOU_ARE_DEAD,
} from './zone-refusals';
import { defaultSpawn, zoneInfo } from './zone-info';
import { zoneNpcWorld } from './zone-npc-world';
import { ZoneSnapshots } from './zone-snapshots';
import { ZoneRoster } from './zone-roster';
import { ZoneSpace } from './zone-space';

export type { HealthUpdate } from './player-stats';
export type { AttachResult, QueueResult, RespawnOutcome } from './zone-commands';

/** The random streams of a zone, each seeded from the zone seed and its purpose. */
export interface ZoneStreams {
  /** NPC brains: patrol targets, think jitter */
  ai: Rng;
  /** ability resolution: hit, crit, damage rolls */
  combat: Rng;
  /** the NPC director: spawn and respawn positions */
  spawn: Rng;
}
export const zoneStreams = (seed: number): ZoneStreams => ({
  ai: seededStream(seed, 'ai'),
  combat: seededStream(seed, 'combat'),
  spawn: seededStream(seed, 'spawn'),
});

/** Told after every tick what the tick applied and the tick's time (replay/recorder.ts). */
export interface TickObserver {
  tick(zone: Zone, applied: readonly InboxEntry[], now: number): void;
}

export interface ZoneOptions {
  content: ZoneContent;
  clock: Clock;
  log: Log;
  positions: PositionSink;
  /**
   * The zone seed (default 1): combat rolls, NPC AI and spawns each draw from their
   * own stream derived from it (zoneStreams), so one purpose never shifts another.
   * Loot is rolled by the domain (packages/game) and enters as drop commands.
   */
  seed?: number;
  /**
   * When submitted commands take effect: `in-tick` (default) queues them in the
   * inbox for the start of the next step() — the server, recordings and replays;
   * `at-once` applies the inbox as soon as a command is submitted outside a
   * tick (socket and zone tests that step by hand) — through the same inbox,
   * cap and apply path; a command submitted during a tick waits for the next.
   */
  applyCommands?: 'in-tick' | 'at-once';
  /** client commands the inbox holds at most (default ZONE_INBOX_CAP; see zone-inbox.ts) */
  inboxCap?: number;
  /** where kills, deaths, the combat log and wear go (default: nowhere) */
  sink?: CombatSink;
  /** spawn the content's NPCs (default true; pure tests of other things turn them off) */
  npcs?: boolean;
  /** run NPC brains each tick (default true; combat tests turn them off for still targets) */
  npcAi?: boolean;
  /** NPC templates by id (default: the shipped content) */
  npcTemplates?: (id: string) => NpcTemplate | undefined;
  /**
   * The zone's lease token (cluster): its position saves and database jobs carry it
   * and PostgreSQL refuses them once another process owns the zone. Absent: unfenced
   * (one process without Redis, pure tests).
   */
  fence?: ZoneFence | undefined;
  /**
   * a client gets a snapshot at most every this many ticks (default
   * SNAPSHOT_EVERY_TICKS), sooner when its own input was applied or a fight
   * concerns it (view.ts); 1: every tick
   */
  snapshotEvery?: number;
  /**
   * An instance's rules (instances/): no respawn (refused with this message, no auto
   * respawn) and a hook that runs at the end of every tick, after combat and
   * before snapshots' flush — arena phases are decided there, in tick order.
   */
  instance?: { noRespawn?: string; afterTick?: (zone: Zone, now: number) => void } | undefined;
}

/** Snapshots at 10 Hz per client while the zone steps at 20 Hz (apps/sim/README.md, "Snapshot cadence"). */
export const SNAPSHOT_EVERY_TICKS = 2;

export interface AttachOptions {
  /** where a character that is not here yet appears (a metro arrival); saved at once */
  at?: Vec2 | undefined;
  /** what it carries from the zone it came from: cooldowns, GCD and resource */
  from?: Readonly<Player> | CarriedCombat | undefined;
  /** false: the caller sends the returned welcome itself (e.g. after its ack) */
  sendWelcome?: boolean | undefined;
  /** the unflushed save to start from (default: the position writer's latest; null: none) */
  saved?: CharacterPosition | null | undefined;
}

/** How often the eid → character map forgets players that left and are owed no kill credit. */
const PRUNE_EIDS_MS = 60_000;

/**
 * One open-world zone: a fixed-step simulation advanced by `step()`. Nothing in here
 * knows about sockets or timers: the server schedules steps and wires connections,
 * tests call `step()` by hand with a FakeClock. Each tick: player inputs, NPC
 * brains, the combat engine, respawns, area entries, then one snapshot per client.
 *
 * The zone holds the state and the tick order; where things are lives in
 * ZoneSpace, saving (and service-point ranges) in PositionSaves, drops and crates
 * in DropsAndCrates, area entries in zone-areas, and what NPC brains may do in
 * zoneNpcWorld. Contacts are shown like crates and never fight.
 *
 * Replayable: everything from outside the tick — client commands and database
 * results — is `submit`ted (or `ask`ed) as a ZoneCommand and enters the inbox;
 * step() applies the inbox first, in arrival order (zone-inbox.ts), and answers
 * each caller from inside the tick. Randomness comes from the seed's streams and
 * time from the injected clock, so (seed, commands per tick, clock per tick)
 * replays the zone (replay/). The command methods below (attach, useAbility …)
 * are private: only the inbox applies them, so nothing outside the zone changes
 * it any other way. The inbox holds at most `inboxCap` client commands; beyond
 * it they are refused (UNAVAILABLE), database results never are (zone-inbox.ts).
 */
export class Zone {
  readonly id: string;
  readonly info: ZoneInfo;
  readonly combat: CombatEngine;
  readonly npcs: NpcDirector;
  /** What NPC brains may ask of the zone (see npc/npc-world.ts); tests move NPCs with it too. */
  readonly npcWorld: NpcWorld;
  private tickCount = 0;
  private nextEid = 1;
  /** who is here: players, the characters of each account, the eids seen (kill credit) */
  private readonly players = new ZoneRoster();
  private readonly space: ZoneSpace;
  private readonly objects: DropsAndCrates;
  private readonly saves: PositionSaves;
  private readonly tasks: PeriodicTasks;
  private readonly medicalCenters: Vec2[];
  private readonly areas: readonly ZoneArea[];
  private areaSink: AreaSink = nullAreaSink;
  private readonly obstacles: readonly Obstacle[];
  private readonly bounds: Bounds;
  private readonly clock: TickClock;
  private readonly log: Log;
  private sink: CombatSink;
  private readonly npcAi: boolean;
  private readonly snapshots: ZoneSnapshots;
  private lastFlushAt: number;
  readonly seed: number;
  /** what a recording needs to build this zone again (replay/) */
  readonly setup: { startMs: number; npcs: boolean; npcAi: boolean };
  private readonly streams: ZoneStreams;
  private readonly intake: ZoneIntake;
  private observer: TickObserver | null = null;
  /** the lease token this zone was opened with (ZoneOptions.fence) */
  readonly fence: ZoneFence | undefined;
  private readonly instance: ZoneOptions['instance'];

  constructor(opts: ZoneOptions) {
    const c = opts.content;
    this.id = c.id;
    this.info = zoneInfo(c);
    this.bounds = { width: c.width, height: c.height };
    this.space = new ZoneSpace(AOI_CELL_SIZE, c.width, c.height, () => this.tickCount);
    this.clock = new TickClock(opts.clock);
    this.log = opts.log.child({ zone: c.id });
    this.tasks = new PeriodicTasks(this.log);
    this.seed = opts.seed ?? 1;
    this.streams = zoneStreams(this.seed);
    this.intake = new ZoneIntake({
      atOnce: opts.applyCommands === 'at-once',
      cap: opts.inboxCap ?? ZONE_INBOX_CAP,
      log: this.log,
      tick: () => this.tickCount,
      inputsOf: (characterId) => this.players.get(characterId)?.inputs.length ?? 0,
      apply: (entry) => this.applyCommand(entry),
    });
    this.setup = { startMs: opts.clock.ms(), npcs: opts.npcs !== false, npcAi: opts.npcAi ?? true };
    this.sink = opts.sink ?? nullCombatSink;
    this.obstacles = c.obstacles;
    this.npcAi = opts.npcAi ?? true;
    this.snapshots = new ZoneSnapshots(
      this.space,
      Math.max(1, Math.floor(opts.snapshotEvery ?? SNAPSHOT_EVERY_TICKS)),
      this.log,
    );
    this.lastFlushAt = opts.clock.ms();
    this.fence = opts.fence;
    this.instance = opts.instance;
    this.saves = new PositionSaves(this.id, opts.positions, servicePointsOf(c), opts.fence);
    this.medicalCenters = c.spawnPoints.filter((s) => s.kind === 'medical_center');
    this.areas = c.areas;
    this.objects = new DropsAndCrates(this.id, this.space, () => this.nextEid++);
    this.objects.placeCrates(c.spawnPoints);
    for (const k of contactsInZone(c.id)) this.space.show(contactEntity(this.nextEid++, k));

    // the director before the engine: combat's hooks feed its threat tables (NPC eids follow the crates')
    this.npcs = new NpcDirector({
      spawns: opts.npcs === false ? [] : c.npcSpawns,
      ...(opts.npcTemplates ? { templates: opts.npcTemplates } : {}),
      obstacles: this.obstacles,
      bounds: this.bounds,
      allocEid: () => this.nextEid++,
      rng: this.streams.spawn,
      now: this.clock.ms(),
      onDespawn: (npc) => this.space.hide(npc.eid),
      onRespawn: (npc) => {
        this.space.show(npc);
        this.combat.announceRespawn(npc);
      },
    });
    this.combat = new CombatEngine({
      world: {
        zoneId: this.id,
        tick: () => this.tickCount,
        fighter: (eid) => this.space.fighter(eid),
        fighters: () => this.fighters(),
        fightersNear: (x, y, r) => this.space.fightersNear(x, y, r),
        lineOfSight: (a, b) => lineOfSight(a, b, this.obstacles),
        positionAt: (eid, tick) => this.space.positionAt(eid, tick),
      },
      clock: this.clock,
      rng: this.streams.combat,
      hooks: zoneCombatHooks({
        zoneId: this.id,
        clock: this.clock,
        npcs: this.npcs,
        sink: () => this.sink,
        characterOf: (eid) => this.players.characterOf(eid),
        playersNear: (at, range) => this.players.liveNear(at, range),
      }),
    });
    this.npcWorld = zoneNpcWorld({
      clock: this.clock,
      rng: this.streams.ai,
      space: this.space,
      npcs: this.npcs,
      combat: this.combat,
      bounds: this.bounds,
      obstacles: this.obstacles,
    });
    for (const npc of this.npcs.npcs()) this.space.show(npc);
    this.every(PRUNE_EIDS_MS, () => this.pruneEids());
  }

  get tick(): number {
    return this.tickCount;
  }

  get playerCount(): number {
    return this.players.size;
  }

  get dropCount(): number {
    return this.objects.dropCount;
  }

  /** Routes kills, deaths, the combat log and wear (the server sets the database-backed one). */
  setSink(sink: CombatSink): void {
    this.sink = sink;
  }

  /** Where characters entering the zone's named areas are reported (the server sets one). */
  setAreaSink(sink: AreaSink): void {
    this.areaSink = sink;
  }

  player(characterId: string): Readonly<Player> | undefined {
    return this.players.get(characterId);
  }

  /** Flushes saves, then: is the character's latest save stored? (cluster handover) */
  landed(characterId: string): Promise<boolean> {
    return this.saves.landed(characterId);
  }

  /** A player or NPC in the zone by eid (hidden NPC corpses are not). */
  fighter(eid: number): Fighter | undefined {
    return this.space.fighter(eid);
  }

  characterIdsOfUser(userId: string): string[] {
    return this.players.characterIdsOfUser(userId);
  }

  /** The character of a player eid seen in this zone (also after it left). */
  characterOf(eid: number): string | undefined {
    return this.players.characterOf(eid);
  }

  isDead(characterId: string): boolean {
    return this.players.get(characterId)?.combat.dead ?? false;
  }

  /**
   * Puts a client in control of a character. If the character is still here (live
   * under another connection, or in its reconnect window) the entity continues —
   * same eid, position, health and input seq — and `resumed` is true.
   */
  private attach(
    character: SimCharacter,
    conn: ZoneConnection,
    stats?: PlayerStats,
    opts: AttachOptions = {},
  ): AttachResult {
    let p = this.players.get(character.id);
    const resumed = p !== undefined;
    const now = this.clock.ms();
    if (p) {
      // inputs queued by the previous client must not be acked to the new one
      p.inputs = [];
    } else {
      // a save of this process may still be on its way to the database: it is newer
      const saved =
        opts.saved === undefined ? this.saves.latest(character.id) : (opts.saved ?? undefined);
      const savedHealth = saved?.health;
      if (savedHealth !== undefined && stats) stats = { ...stats, health: savedHealth };
      const c = savedHealth === undefined ? character : { ...character, health: savedHealth };
      const at = opts.at
        ? clampToBounds(opts.at, this.bounds)
        : this.saves.startPosition(character, saved, this.bounds, () => defaultSpawn(this.info));
      p = createPlayer(this.nextEid++, c, at);
      if (p.combat.dead) p.combat.diedAt = now;
      if (opts.from) carryCombat(p, opts.from);
      this.players.add(p);
      this.space.show(p);
      // an arrival is saved with this zone at once (at a station the range check already does)
      if (!this.saves.checkServicePoints(p) && opts.at) this.saves.saveNow(p);
    }
    // a continued entity keeps the health the zone simulated; a new one takes the saved one
    if (stats) applyStats(p, stats, resumed ? 'keep' : 'take');
    // back from its reconnect window: viewers drop the "disconnected" mark
    if (resumed && p.conn === null) this.space.changes.redescribe(p.eid);
    p.conn = conn;
    p.droppedAt = null;
    // a new client knows nothing yet: everything in view comes as `add` next tick
    p.view = freshView(p, p.lastSeq);
    const welcome: WelcomeMsg = {
      zone: this.info,
      self: selfInfo(p, now),
      tick: this.tickCount,
      tickHz: TICK_HZ,
      resumed,
      lastSeq: p.lastSeq,
    };
    if (opts.sendWelcome !== false) conn.welcome(welcome);
    return { player: p, resumed, welcome };
  }

  /** The client dropped: the entity stays for RECONNECT_GRACE_MS. Ignored if another connection took over. */
  private detach(characterId: string, conn: ZoneConnection): boolean {
    const p = this.attached(characterId, conn);
    if (!p) return false;
    p.conn = null;
    p.droppedAt = this.clock.ms();
    p.inputs = [];
    this.space.changes.redescribe(p.eid); // others see it marked disconnected
    return true;
  }

  /**
   * Removes a character now (and saves it — where `handover` says: a metro rider to
   * a zone of another process); others see it leave on the next tick.
   */
  private remove(characterId: string, handover?: HandoverSave): boolean {
    const p = this.players.get(characterId);
    if (!p) return false;
    this.players.delete(p);
    this.space.hide(p.eid);
    this.space.forgetHistory(p.eid);
    this.combat.forget(p.eid);
    this.npcs.onPlayerGone(p.eid);
    this.saves.saveLeaving(p, handover);
    return true;
  }

  /**
   * New derived stats (gear, weight, level changed): movement and combat use them
   * from the next tick. The zone owns health while the character is here, so by
   * default (`keep`) the simulated health stays, capped at the new maximum; `take`
   * uses the loaded health, `full` (a level-up) restores it. Returns char:stats.
   */
  private setStats(
    characterId: string,
    stats: StatsUpdate,
    health: HealthUpdate = 'keep',
  ): CharStatsMsg | undefined {
    const p = this.players.get(characterId);
    if (!p) return undefined;
    applyStats(p, stats, health);
    return statsMsg(p, stats);
  }

  /**
   * Another achievement title on the character's nameplate: whoever sees it is sent
   * its description again in the next snapshot (EntityChanges.redescribe).
   */
  private retitle(characterId: string, title: string | null): boolean {
    const p = this.players.get(characterId);
    if (!p || p.title === title) return false;
    p.title = title;
    this.space.changes.redescribe(p.eid);
    return true;
  }

  /**
   * Heals a living character (a consumable) up to its maximum, reported like a
   * self-heal (a `heal` event, a combat log row) so it shows in the next
   * snapshot. Returns the health restored (0: dead, full, or not here).
   */
  private healPlayer(characterId: string, amount: number): number {
    const p = this.players.get(characterId);
    if (!p || p.combat.dead) return 0;
    return this.combat.healDirect(p, amount);
  }

  /** Shows a drop (idempotent: a drop already shown keeps its eid). Drops of other zones are ignored. */
  private addDrop(drop: ZoneDrop): Readonly<DropEntity> | undefined {
    return this.objects.addDrop(drop);
  }

  /** Hides a drop (picked up, expired); viewers see it leave on the next tick. */
  private removeDrop(dropId: string): boolean {
    return this.objects.removeDrop(dropId);
  }

  dropByEid(eid: number): Readonly<DropEntity> | undefined {
    return this.objects.dropByEid(eid);
  }

  crateByEid(eid: number): Readonly<CrateEntity> | undefined {
    return this.objects.crateByEid(eid);
  }

  /** Runs `run` from inside the tick every `everyMs` of clock time (first run one interval from now). */
  every(everyMs: number, run: (now: number) => void): void {
    this.tasks.add(everyMs, this.clock.ms(), run);
  }

  private queueInput(characterId: string, conn: ZoneConnection, input: MoveInput): QueueResult {
    const p = this.attached(characterId, conn);
    if (!p) return { ok: false, refusal: NOT_IN_ZONE };
    if (p.combat.dead) return { ok: false, refusal: YOU_ARE_DEAD };
    if (p.inputs.length >= MAX_QUEUED_INPUTS) return { ok: false, refusal: INPUTS_FULL };
    p.inputs.push(input);
    return { ok: true };
  }

  /** combat:use from a client: validated and resolved (or its cast started) now. null: not attached. */
  private useAbility(characterId: string, conn: ZoneConnection, use: CombatUse): UseResult | null {
    const p = this.attached(characterId, conn);
    if (!p) return null;
    return this.combat.use(p, use.ability, use.target, use.viewTick);
  }

  /** combat:cancel: stops the cast in progress (false: none, or not attached). */
  private cancelCast(characterId: string, conn: ZoneConnection): boolean {
    const p = this.attached(characterId, conn);
    if (!p) return false;
    return this.combat.interrupt(p);
  }

  /** combat:respawn: a dead player, RESPAWN_DELAY_MS after death, back at the nearest medical centre. */
  private respawn(characterId: string, conn: ZoneConnection): RespawnOutcome {
    const p = this.attached(characterId, conn);
    if (!p) return { ok: false, refusal: NOT_IN_ZONE };
    if (!p.combat.dead) return { ok: false, refusal: NOT_DEAD };
    if (this.instance?.noRespawn)
      return { ok: false, refusal: { code: 'INVALID_STATE', message: this.instance.noRespawn } };
    if (this.clock.ms() < (p.combat.diedAt ?? 0) + RESPAWN_DELAY_MS)
      return { ok: false, refusal: RESPAWN_TOO_SOON };
    return { ok: true, data: this.respawnPlayer(p) };
  }

  /**
   * The client in control rides the metro out to `to`: refused unless it may
   * (departureRefusal); a cast in progress ends (watchers see it interrupted),
   * then it is removed (and saved) like `remove` and returned for the destination to carry over.
   */
  private depart(
    characterId: string,
    conn: ZoneConnection,
    to: string,
    handover?: HandoverSave,
  ): DepartOutcome {
    const p = this.attached(characterId, conn);
    if (!p) return { ok: false, refusal: NOT_IN_ZONE };
    const refusal = departureRefusal(p, this.info, to, this.clock.ms());
    if (refusal) return { ok: false, refusal };
    this.combat.interrupt(p);
    this.remove(characterId, handover);
    return { ok: true, player: p };
  }

  /**
   * Queues a command for the start of the next step() (ZoneIntake.submit: the caps, and
   * `at-once` mode); `settle` hears the result — or the error applying it threw — from
   * inside that tick.
   */
  submit<K extends ZoneCommandKind>(
    cmd: CommandOf<K>,
    conn: ZoneConnection | null = null,
    settle?: (err: unknown, result?: ZoneCommandResults[K]) => void,
  ): void {
    this.intake.submit(cmd, conn, settle);
  }

  /** submit, answered by a promise (resolved in the tick that applies the command). */
  ask<K extends ZoneCommandKind>(
    cmd: CommandOf<K>,
    conn: ZoneConnection | null = null,
  ): Promise<ZoneCommandResults[K]> {
    return new Promise((resolve, reject) => {
      this.submit(cmd, conn, (err, result) => {
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve(result as ZoneCommandResults[K]);
      });
    });
  }

  /** Commands waiting for the next tick. */
  get inboxSize(): number {
    return this.intake.size;
  }

  /** Hears every tick's applied commands (a recorder); null stops. */
  observe(observer: TickObserver | null): void {
    this.observer = observer;
  }

  /** A hash of everything the simulation is (state-hash.ts): equal hashes, equal zones. */
  stateHash(): string {
    return hashZoneState({
      tick: this.tickCount,
      now: this.clock.ms(),
      nextEid: this.nextEid,
      players: this.players.values(),
      npcs: this.npcs.npcs(),
      drops: this.objects.allDrops(),
      rngs: { ...this.streams },
    });
  }

  /** Advances exactly one tick. Never throws: a failing tick is logged and the zone keeps running. */
  step(): void {
    this.tickCount++;
    const now = this.clock.freeze();
    const applied = this.intake.take();
    this.intake.holding(() => {
      try {
        this.advance(applied);
      } catch (err) {
        this.log.error({ err, tick: this.tickCount }, 'zone tick failed');
      }
    });
    try {
      this.observer?.tick(this, applied, now);
    } catch (err) {
      this.log.error({ err, tick: this.tickCount }, 'zone tick observer failed');
    } finally {
      this.clock.thaw();
    }
    // at-once: what the tick's own answers submitted does not wait for a next step
    this.intake.afterTick();
  }

  /** Saves every character that moved or whose health changed since the last flush. */
  flushDirty(): Promise<void> {
    return this.saves.flushDirty(this.players.values());
  }

  /** Saves and removes everyone (server shutdown). */
  async shutdown(): Promise<void> {
    const all = [...this.players.values()];
    const saved = this.saves.saveAll(all);
    for (const p of all) this.space.hide(p.eid);
    this.players.clear();
    this.tasks.clear();
    await saved;
  }

  /** The player if `conn` is the client in control of it. */
  private attached(characterId: string, conn: ZoneConnection): Player | undefined {
    const p = this.players.get(characterId);
    return p && p.conn === conn ? p : undefined;
  }

  private advance(inbox: readonly InboxEntry[]): void {
    // first what arrived since the last tick, in arrival order
    for (const entry of inbox) this.intake.applyEntry(entry);
    const now = this.clock.ms();
    for (const p of this.players.values()) this.movePlayer(p);
    for (const p of [...this.players.values()]) {
      if (p.conn === null && p.droppedAt !== null && now - p.droppedAt >= RECONNECT_GRACE_MS) {
        this.remove(p.characterId);
      }
    }
    if (this.npcAi) this.npcs.step(this.npcWorld, now);
    this.combat.step(now);
    for (const p of this.players.values()) {
      if (
        p.combat.dead &&
        now >= (p.combat.diedAt ?? now) + AUTO_RESPAWN_MS &&
        !this.instance?.noRespawn
      )
        this.respawnPlayer(p);
    }
    for (const p of this.players.values()) if (p.areasDirty) this.checkAreas(p);
    this.objects.hideExpired(now);
    this.tasks.runDue(now);
    this.instance?.afterTick?.(this, now);
    const events = this.combat.takeEvents();
    this.snapshots.send(this.tickCount, now, events, this.players.values());
    if (now - this.lastFlushAt >= POSITION_FLUSH_MS) {
      this.lastFlushAt = now;
      void this.flushDirty();
    }
  }

  private movePlayer(p: Player): void {
    if (!applyInputs(p, this.bounds, this.obstacles)) return;
    p.dirty = true;
    p.areasDirty = true;
    this.space.moved(p);
    this.saves.checkServicePoints(p);
    // moving breaks concentration
    if (p.combat.cast) this.combat.interrupt(p);
  }

  private applyCommand({ cmd, conn }: InboxEntry): ZoneCommandResults[ZoneCommandKind] {
    const c = conn ?? NO_CONNECTION;
    switch (cmd.k) {
      case 'attach': {
        // what the writer had not flushed yet is read once, here, and recorded
        if (cmd.saved === undefined && !this.players.has(cmd.character.id))
          (cmd as { saved?: CharacterPosition | null }).saved =
            this.saves.latest(cmd.character.id) ?? null;
        return this.attach(cmd.character, c, cmd.stats, {
          at: cmd.at,
          from: cmd.carry,
          sendWelcome: cmd.sendWelcome,
          saved: cmd.saved,
        });
      }
      case 'detach':
        return this.detach(cmd.characterId, c);
      case 'depart':
        return this.depart(cmd.characterId, c, cmd.to, cmd.handover);
      case 'remove':
        return this.remove(cmd.characterId);
      case 'move':
        return this.queueInput(cmd.characterId, c, cmd.input);
      case 'use':
        return this.useAbility(cmd.characterId, c, cmd.use);
      case 'cancel':
        return this.cancelCast(cmd.characterId, c);
      case 'respawn':
        return this.respawn(cmd.characterId, c);
      case 'heal':
        return this.healPlayer(cmd.characterId, cmd.amount);
      case 'nearby':
        return this.players.near(cmd.characterId, cmd.range);
      case 'stats':
        return this.setStats(cmd.characterId, cmd.stats, cmd.health);
      case 'title':
        return this.retitle(cmd.characterId, cmd.title);
      case 'team': {
        const p = this.players.get(cmd.characterId);
        if (!p) return false;
        p.team = cmd.team;
        return true;
      }
      case 'drop_add':
        return this.addDrop(cmd.drop);
      case 'drop_remove':
        return this.removeDrop(cmd.dropId);
    }
  }

  /** Back to life at the nearest medical centre with RESPAWN_HEALTH_PCT health, saved at once. */
  private respawnPlayer(p: Player): RespawnResult {
    const at = respawnPoint(this.medicalCenters, p, defaultSpawn(this.info));
    p.x = at.x;
    p.y = at.y;
    p.inputs = [];
    this.space.moved(p);
    this.combat.revive(p, Math.ceil(p.maxHealth * RESPAWN_HEALTH_PCT));
    if (!this.saves.checkServicePoints(p)) this.saves.saveNow(p);
    // respawning inside an area counts as entering it
    p.areas = new Set();
    p.areasDirty = true;
    return { x: toCm(p.x), y: toCm(p.y), health: p.health };
  }

  /** One player's area check; a failing sink is logged, the tick goes on. */
  private checkAreas(p: Player): void {
    try {
      updateAreas(p, this.areas, this.areaSink);
    } catch (err) {
      this.log.warn({ err, characterId: p.characterId }, 'reporting an area entry failed');
    }
  }

  /** Players first, then the NPCs in view (the combat engine steps them in this order). */
  private fighters(): Fighter[] {
    const out: Fighter[] = [...this.players.values()];
    for (const npc of this.npcs.npcs()) if (this.space.has(npc.eid)) out.push(npc);
    return out;
  }

  /** Forgets players that left and whom no living NPC owes kill credit. */
  private pruneEids(): void {
    const owed = new Set<number>();
    for (const npc of this.npcs.npcs()) for (const eid of npc.damageBy.keys()) owed.add(eid);
    this.players.prune((eid) => this.space.has(eid), owed);
  }
}

/**
 * A character arriving from another zone keeps what it spent there: ability
 * cooldowns, the GCD and its resource (riding the metro must not reset them).
 * Effects stay behind: their sources are entities of the other zone.
 */
function carryCombat(p: Player, from: Readonly<Player> | CarriedCombat): void {
  const carried = 'kind' in from ? carriedCombat(from) : from;
  const c = p.combat;
  c.cooldowns = new Map(carried.cooldowns);
  c.gcdUntil = carried.gcdUntil;
  c.resource = Math.min(c.maxResource, carried.resource);
  c.lastCombatAt = carried.lastCombatAt;
  c.dirty = true;
}

/** Commands from the database carry no connection; one that needs it then matches no player. */
const NO_CONNECTION: ZoneConnection = {
  id: '',
  welcome: () => undefined,
  snapshot: () => undefined,
};
