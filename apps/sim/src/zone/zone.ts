import {
  AOI_CELL_SIZE,
  POSITION_FLUSH_MS,
  contactsInZone,
  type NpcTemplate,
  type ZoneArea,
  type ZoneContent,
  type ZoneInfo,
} from '@necp/shared';
import type { Clock, Log, ZoneFence } from '@necp/game';
import { nullCombatSink, type CombatSink } from '../outcomes/combat-sink';
import type { CombatEngine } from '../combat/engine';
import type { Fighter } from '../combat/fighter';
import type { NpcDirector } from '../npc/director';
import type { NpcWorld } from '../npc/npc-world';
import { DropsAndCrates } from './drops-and-crates';
import { createZoneActors, zoneStreams, type ZoneStreams } from './zone-actors';
import { PeriodicTasks } from './periodic-tasks';
import type { Player, ZoneConnection } from './player';
import { PositionSaves, servicePointsOf } from './position-saves';
import type { PositionSink } from './position-writer';
import { contactEntity, type CrateEntity, type DropEntity } from './world-objects';
import { nullAreaSink, type AreaSink } from './zone-areas';
import { applyZoneCommand } from './zone-command-table';
import type { CommandOf, ZoneCommandKind, ZoneCommandResults } from './zone-commands';
import { ZONE_INBOX_CAP, type InboxEntry } from './zone-inbox';
import { ZoneIntake } from './zone-intake';
import { TickClock } from './tick-clock';
import { hashZoneState } from './state-hash';
import { zoneInfo } from './zone-info';
import {
  autoRespawn,
  fightersOf,
  movePlayers,
  pruneEids,
  removeDropped,
  reportAreas,
} from './zone-tick-phases';
import { SNAPSHOT_EVERY_TICKS, ZoneSnapshots } from './zone-snapshots';
import { ZoneRoster } from './zone-roster';
import { ZoneSpace } from './zone-space';
import type { ZoneState } from './zone-state';

export type { HealthUpdate } from './player-stats';

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

/** How often the eid → character map forgets players that left and are owed no kill credit. */
const PRUNE_EIDS_MS = 60_000;

/**
 * One open-world zone: a fixed-step simulation advanced by `step()`. Nothing in here
 * knows about sockets or timers: the server schedules steps and wires connections,
 * tests call `step()` by hand with a FakeClock. Each tick: player inputs, NPC
 * brains, the combat engine, respawns, area entries, then one snapshot per client.
 *
 * The zone holds the tick order and what it is made of (ZoneState): where things are
 * (ZoneSpace), who is here (ZoneRoster), saves (PositionSaves), drops and crates
 * (DropsAndCrates), NPCs and combat (zone-actors.ts), the player phases of a tick
 * (zone-tick-phases.ts). Contacts are shown like crates and never fight.
 *
 * Replayable: everything from outside the tick — client commands and database
 * results — is `submit`ted (or `ask`ed) as a ZoneCommand and enters the inbox;
 * step() applies the inbox first, in arrival order, each command by its handler
 * (zone-command-table.ts), and answers each caller from inside the tick. Randomness
 * comes from the seed's streams and time from the injected clock, so (seed, commands
 * per tick, clock per tick) replays the zone (replay/). Only the inbox reaches the
 * handlers, so nothing outside the zone changes it any other way. The inbox holds at
 * most `inboxCap` client commands; beyond it they are refused (UNAVAILABLE), database
 * results never are (zone-inbox.ts).
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
  /** what the zone is made of, shared with its command handlers (zone-state.ts) */
  private readonly s: ZoneState;
  private readonly tasks: PeriodicTasks;
  private readonly areas: readonly ZoneArea[];
  private areaSink: AreaSink = nullAreaSink;
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
    const bounds = { width: c.width, height: c.height };
    const space = new ZoneSpace(AOI_CELL_SIZE, c.width, c.height, () => this.tickCount);
    const clock = new TickClock(opts.clock);
    const players = new ZoneRoster();
    this.log = opts.log.child({ zone: c.id });
    this.tasks = new PeriodicTasks(this.log);
    this.seed = opts.seed ?? 1;
    this.streams = zoneStreams(this.seed);
    this.intake = new ZoneIntake({
      atOnce: opts.applyCommands === 'at-once',
      cap: opts.inboxCap ?? ZONE_INBOX_CAP,
      log: this.log,
      tick: () => this.tickCount,
      inputsOf: (characterId) => players.get(characterId)?.inputs.length ?? 0,
      apply: (entry) => applyZoneCommand(this.s, entry),
    });
    this.setup = { startMs: opts.clock.ms(), npcs: opts.npcs !== false, npcAi: opts.npcAi ?? true };
    this.sink = opts.sink ?? nullCombatSink;
    this.npcAi = opts.npcAi ?? true;
    this.snapshots = new ZoneSnapshots(
      space,
      Math.max(1, Math.floor(opts.snapshotEvery ?? SNAPSHOT_EVERY_TICKS)),
      this.log,
    );
    this.lastFlushAt = opts.clock.ms();
    this.fence = opts.fence;
    this.instance = opts.instance;
    this.areas = c.areas;
    const allocEid = () => this.nextEid++;
    const objects = new DropsAndCrates(this.id, space, allocEid);
    objects.placeCrates(c.spawnPoints);
    for (const k of contactsInZone(c.id)) space.show(contactEntity(allocEid(), k));

    const actors = createZoneActors({
      content: c,
      npcs: opts.npcs !== false,
      templates: opts.npcTemplates,
      streams: this.streams,
      clock,
      space,
      players,
      allocEid,
      tick: () => this.tickCount,
      fighters: () => fightersOf(this.s),
      sink: () => this.sink,
    });
    this.npcs = actors.npcs;
    this.combat = actors.combat;
    this.npcWorld = actors.npcWorld;
    this.s = {
      id: this.id,
      info: this.info,
      bounds,
      obstacles: c.obstacles,
      clock,
      players,
      space,
      saves: new PositionSaves(this.id, opts.positions, servicePointsOf(c), opts.fence),
      objects,
      combat: this.combat,
      npcs: this.npcs,
      medicalCenters: c.spawnPoints.filter((sp) => sp.kind === 'medical_center'),
      noRespawn: opts.instance?.noRespawn,
      tick: () => this.tickCount,
      allocEid,
    };
    for (const npc of this.npcs.npcs()) space.show(npc);
    this.every(PRUNE_EIDS_MS, () => pruneEids(this.s));
  }

  get tick(): number {
    return this.tickCount;
  }

  get playerCount(): number {
    return this.s.players.size;
  }

  get dropCount(): number {
    return this.s.objects.dropCount;
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
    return this.s.players.get(characterId);
  }

  /** Flushes saves, then: is the character's latest save stored? (cluster handover) */
  landed(characterId: string): Promise<boolean> {
    return this.s.saves.landed(characterId);
  }

  /** A player or NPC in the zone by eid (hidden NPC corpses are not). */
  fighter(eid: number): Fighter | undefined {
    return this.s.space.fighter(eid);
  }

  characterIdsOfUser(userId: string): string[] {
    return this.s.players.characterIdsOfUser(userId);
  }

  /** The character of a player eid seen in this zone (also after it left). */
  characterOf(eid: number): string | undefined {
    return this.s.players.characterOf(eid);
  }

  isDead(characterId: string): boolean {
    return this.s.players.get(characterId)?.combat.dead ?? false;
  }

  dropByEid(eid: number): Readonly<DropEntity> | undefined {
    return this.s.objects.dropByEid(eid);
  }

  crateByEid(eid: number): Readonly<CrateEntity> | undefined {
    return this.s.objects.crateByEid(eid);
  }

  /** Runs `run` from inside the tick every `everyMs` of clock time (first run one interval from now). */
  every(everyMs: number, run: (now: number) => void): void {
    this.tasks.add(everyMs, this.s.clock.ms(), run);
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
      now: this.s.clock.ms(),
      nextEid: this.nextEid,
      players: this.s.players.values(),
      npcs: this.npcs.npcs(),
      drops: this.s.objects.allDrops(),
      rngs: { ...this.streams },
    });
  }

  /** Advances exactly one tick. Never throws: a failing tick is logged and the zone keeps running. */
  step(): void {
    this.tickCount++;
    const now = this.s.clock.freeze();
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
      this.s.clock.thaw();
    }
    // at-once: what the tick's own answers submitted does not wait for a next step
    this.intake.afterTick();
  }

  /** Saves every character that moved or whose health changed since the last flush. */
  flushDirty(): Promise<void> {
    return this.s.saves.flushDirty(this.s.players.values());
  }

  /** Saves and removes everyone (server shutdown). */
  async shutdown(): Promise<void> {
    const all = [...this.s.players.values()];
    const saved = this.s.saves.saveAll(all);
    for (const p of all) this.s.space.hide(p.eid);
    this.s.players.clear();
    this.tasks.clear();
    await saved;
  }

  private advance(inbox: readonly InboxEntry[]): void {
    // first what arrived since the last tick, in arrival order
    for (const entry of inbox) this.intake.applyEntry(entry);
    const now = this.s.clock.ms();
    movePlayers(this.s);
    removeDropped(this.s, now);
    if (this.npcAi) this.npcs.step(this.npcWorld, now);
    this.combat.step(now);
    autoRespawn(this.s, now);
    reportAreas(this.s, this.areas, this.areaSink, this.log);
    this.s.objects.hideExpired(now);
    this.tasks.runDue(now);
    this.instance?.afterTick?.(this, now);
    const events = this.combat.takeEvents();
    this.snapshots.send(this.tickCount, now, events, this.s.players.values());
    if (now - this.lastFlushAt >= POSITION_FLUSH_MS) {
      this.lastFlushAt = now;
      void this.flushDirty();
    }
  }
}
