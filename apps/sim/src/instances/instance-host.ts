/**
 * The instances this sim process runs (docs/instances.md): each is a zone of its
 * own, leased like an open-world zone (so the web's ticket names this process for
 * the characters inside), opened for one confirmed match and closed when it is
 * finished or empty. Entering and leaving are reconnects: the character's
 * `instanceId` in PostgreSQL says where its next ticket goes; its open-world place
 * is never overwritten (instances write no positions), so if this process dies
 * the players land back there with nothing to undo.
 */
import {
  ARENA_RETURN_MS,
  ARENA_STATE_MS,
  DUNGEON_CLOSE_AFTER_CLEAR_MS,
  INSTANCE_EMPTY_CLOSE_MS,
  ZONES,
  instanceContent,
  instanceZoneId,
  templateForMatch,
  type ArenaBracket,
  type ArenaMemberState,
  type ArenaStateMsg,
  type InstanceClearedMsg,
  type InstanceLeaveResult,
  type InstanceTemplate,
  type InstanceTransferMsg,
} from '@necp/shared';
import {
  RedisZoneDirectory,
  ZONE_LEASE_RENEW_MS,
  characterNames,
  characterZoneIds,
  clearZoneDrops,
  closeInstance,
  findInstance,
  formGroupParty,
  finishArenaMatch,
  freeMatchMember,
  leaveInstance,
  notInInstance,
  openInstance,
  penaliseQueueDodgers,
  recordInstanceCleared,
  recordMatchStarted,
  type Clock,
  type ConfirmedMatch,
  type GameDeps,
  type HeldZoneLease,
  type Log,
  type ZoneLeases,
} from '@necp/game';
import type { SimIo, SimSocket } from '../net/types';
import { kick, type SessionRegistry } from '../session/sessions';
import { Zone } from '../zone/zone';
import { tickMetrics } from '../zone/tick-metrics';
import { startZoneLoop } from '../zone/zone-loop';
import type { ZoneServices } from '../zone/zone-services';
import { instanceNpcTemplates } from './instance-npcs';
import { ArenaRules, type ArenaOutcome } from './arena-rules';
import { ArenaSink } from './arena-sink';
import { arenaFightOf } from './arena-fight';
import { InstanceClearRules, type InstanceClear } from './instance-clear-rules';
import { noPositionSaves } from './no-position-saves';
import { DungeonGroup, type GroupMatchmaking } from './dungeon-group';
import { characterRoom } from '../net/rooms';

/** The old connection of a player sent through a transfer is closed this long after (the client closes it first). */
export const TRANSFER_CLOSE_MS = 5_000;
/** How often (real time) an instance looks after itself: scoreboard, empty, return after the end. */
const HOUSEKEEPING_MS = 250;

export interface InstanceHostOptions {
  deps: GameDeps;
  clock: Clock;
  log: Log;
  io: SimIo;
  leases: ZoneLeases;
  /** the server's zones by id: an open instance is one of them (the handshake and handlers find it there) */
  zones: Map<string, Zone>;
  sessions: SessionRegistry;
  /** the match is over for matchmaking: its members may queue again (told `message`) */
  release(matchId: string, message?: string): Promise<unknown>;
  /** false: tests step the zones themselves */
  autoTick?: boolean;
  /** as the server's zones (ZoneOptions.applyCommands) */
  applyCommands?: 'in-tick' | 'at-once' | undefined;
  renewMs?: number;
  /** real-time period of each instance's housekeeping (default HOUSEKEEPING_MS); its deadlines run on `clock` */
  housekeepingMs?: number;
  /**
   * The database side of a zone (the server's zone services): a dungeon or raid gets
   * it like an open-world zone, so its kills pay XP and loot. Absent: they pay nothing.
   */
  services?: Pick<ZoneServices, 'attach' | 'detach'>;
  /**
   * The sim's matchmaking (asked when needed: it is made after the host): a leaver
   * is let out of the match, a dungeon asks it for a replacement. Absent: neither.
   */
  matchmaking?: () => GroupMatchmaking;
}

interface RunningInstance {
  zoneId: string;
  match: ConfirmedMatch;
  template: InstanceTemplate;
  zone: Zone;
  lease: HeldZoneLease;
  names: Map<string, string>;
  openedAt: number;
  arena?: { rules: ArenaRules; sink: ArenaSink; bracket: ArenaBracket };
  /** a dungeon's or raid's boss encounter: its death clears the instance */
  encounter?: { rules: InstanceClearRules | undefined };
  /** its zone services are attached (detached, and its drops cleared, on close) */
  services?: boolean;
  timers: NodeJS.Timeout[];
  stopLoop?: () => void;
  closing?: Promise<void>;
  /** clock ms since when nobody is inside */
  emptySince?: number | undefined;
  /** clock ms of the last scoreboard sent */
  stateSentAt: number;
  /** clock ms after which everyone is sent back (the arena result is out) */
  returnAt?: number | undefined;
  /** members who left early (instance:leave, or dropped for good): no longer members */
  left: Set<string>;
  /** a dungeon's leavers and backfill (dungeon-group.ts) */
  group?: DungeonGroup;
  /** a dungeon group's party (formGroupParty), once formed, and whose own party it is */
  partyId?: string;
  premade?: ReadonlySet<string>;
}

export class InstanceHost {
  private readonly running = new Map<string, RunningInstance>();
  private renewTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly o: InstanceHostOptions) {}

  start(): void {
    this.renewTimer = setInterval(
      () => void this.renewAll(),
      this.o.renewMs ?? ZONE_LEASE_RENEW_MS,
    );
    this.renewTimer.unref();
  }

  /** How many instances this process runs (its load). */
  get count(): number {
    return this.running.size;
  }

  /** The instance leases this process holds, with their tokens (GET /health lists them). */
  leases(): { zoneId: string; token: number }[] {
    return [...this.running.values()].map((i) => ({ zoneId: i.zoneId, token: i.lease.token }));
  }

  has(zoneId: string): boolean {
    return this.running.has(zoneId);
  }

  /** The clear rules of a dungeon or raid instance (tests). */
  clearRulesOf(zoneId: string): InstanceClearRules | undefined {
    return this.running.get(zoneId)?.encounter?.rules;
  }

  /** The arena rules of an instance (tests). */
  arenaOf(zoneId: string): ArenaRules | undefined {
    return this.running.get(zoneId)?.arena?.rules;
  }

  /**
   * Opens the match's instance here and sends its members in. False when another
   * process runs it already, or there is nothing to open it with.
   */
  async open(match: ConfirmedMatch): Promise<boolean> {
    if (this.stopped) return false;
    const template = templateForMatch(match.kind);
    if (!template) {
      this.o.log.error({ matchId: match.matchId, kind: match.kind }, 'no instance map for match');
      return false;
    }
    const zoneId = instanceZoneId(template.content.id, match.matchId);
    if (this.running.has(zoneId)) return true;
    const lease = await this.o.leases.tryAcquire(zoneId);
    if (!lease) return false;
    const { deps, clock, log } = this.o;
    const memberIds = match.teams.flat();
    const names = await characterNames(deps, memberIds);
    const openedAt = clock.ms();
    const inst: Partial<RunningInstance> & { timers: NodeJS.Timeout[] } = {
      timers: [],
      stateSentAt: -Infinity,
    };
    const arena =
      template.kind === 'arena' && match.bracket
        ? {
            rules: new ArenaRules({
              teams: match.teams,
              openedAt,
              onOver: (outcome) => void this.finishArena(zoneId, outcome),
            }),
            sink: new ArenaSink(),
            bracket: match.bracket,
          }
        : undefined;
    // a dungeon or raid: its boss's death clears it (the same for both kinds)
    const encounter =
      template.kind !== 'arena'
        ? {
            rules: template.bossSpawnId
              ? new InstanceClearRules({
                  bossSpawnId: template.bossSpawnId,
                  members: () => this.running.get(zoneId)?.match.teams.flat() ?? memberIds,
                  onCleared: (clear) => this.instanceCleared(zoneId, clear),
                })
              : undefined,
          }
        : undefined;
    const zone = new Zone({
      content: instanceContent(template, match.matchId),
      clock,
      log,
      positions: noPositionSaves,
      seed: deps.rng.int(0, 0x7fffffff),
      ...(this.o.applyCommands ? { applyCommands: this.o.applyCommands } : {}),
      ...(arena ? { sink: arena.sink } : {}),
      // nothing respawns; a small premade group fights NPCs with less health
      ...(template.kind !== 'arena'
        ? { npcTemplates: instanceNpcTemplates(template.kind, memberIds.length) }
        : {}),
      instance: {
        ...(template.kind === 'arena'
          ? { noRespawn: 'You are out of the fight. Wait for the match to end.' }
          : {}),
        afterTick: (z, now) => {
          arena?.rules.afterTick(z, now);
          encounter?.rules?.afterTick(z, now);
          this.running.get(zoneId)?.group?.afterTick(z, now);
        },
      },
    });
    // a dungeon's or raid's kills pay like the open world's (XP, loot, party loot mode, deaths)
    const services = encounter !== undefined && this.o.services !== undefined;
    if (services) await this.o.services!.attach(zone);
    Object.assign(inst, {
      zoneId,
      match,
      template,
      zone,
      lease,
      names,
      openedAt,
      arena,
      encounter,
      services,
    });
    const running = inst as RunningInstance;
    running.left = new Set();
    if (template.kind === 'dungeon') running.group = this.dungeonGroup(running);
    this.running.set(zoneId, running);
    this.o.zones.set(zoneId, zone);
    if (this.o.autoTick !== false) running.stopLoop = startZoneLoop(zone, clock, log);
    try {
      await recordMatchStarted(deps, { match });
      const { entered } = await openInstance(deps, {
        zoneId,
        matchId: match.matchId,
        templateId: template.content.id,
        kind: template.kind,
        hostId: lease.ownerId,
        memberIds,
      });
      const msg: InstanceTransferMsg = {
        direction: 'enter',
        kind: template.kind,
        zoneName: template.content.name,
      };
      // before they are sent in: their new connections find the group's party
      if (template.kind === 'dungeon') await this.formParty(running, entered);
      for (const characterId of entered) this.pullEverywhere(characterId, msg);
    } catch (err) {
      log.error({ err, zone: zoneId }, 'opening an instance failed');
      await this.close(zoneId, 'abandoned');
      return false;
    }
    const every = this.o.housekeepingMs ?? HOUSEKEEPING_MS;
    running.timers.push(setInterval(() => void this.housekeeping(running), every));
    for (const t of running.timers) t.unref();
    log.info({ zone: zoneId, members: memberIds.length }, 'instance opened');
    return true;
  }

  /** Where a character appears on arrival: its team's spawn points in member order. */
  spawnFor(zoneId: string, characterId: string): { x: number; y: number } | undefined {
    const inst = this.running.get(zoneId);
    if (!inst) return undefined;
    const teams = inst.match.teams;
    const team = teams.findIndex((ids) => ids.includes(characterId));
    if (team < 0) return undefined;
    const spawns = inst.template.teamSpawns[team] ?? inst.template.teamSpawns[0]!;
    return spawns[teams[team]!.indexOf(characterId) % spawns.length];
  }

  /** Whether the character belongs to the instance (a ticket for it names it). */
  isMember(zoneId: string, characterId: string): boolean {
    const inst = this.running.get(zoneId);
    if (!inst || inst.left.has(characterId)) return false;
    return inst.match.teams.some((t) => t.includes(characterId));
  }

  /** A raid run here: its match and every member (the handshake checks the quantum_sync_token against them). */
  raidOf(zoneId: string): { matchId: string; memberIds: string[] } | undefined {
    const inst = this.running.get(zoneId);
    if (inst?.template.kind !== 'raid') return undefined;
    return { matchId: inst.match.matchId, memberIds: inst.match.teams.flat() };
  }

  /**
   * Closes the instance once: everyone inside goes back to the open world (their
   * instanceId cleared, told to reconnect), the zone stops, the match is released
   * and the lease given back.
   */
  close(zoneId: string, reason: 'finished' | 'empty' | 'host_lost' | 'abandoned'): Promise<void> {
    const inst = this.running.get(zoneId);
    if (!inst) return Promise.resolve();
    return (inst.closing ??= this.doClose(inst, reason));
  }

  /** Shutdown: every instance closes (its players go back to the open world). */
  async closeAll(): Promise<void> {
    this.stopped = true;
    if (this.renewTimer) clearInterval(this.renewTimer);
    await Promise.all([...this.running.keys()].map((id) => this.close(id, 'abandoned')));
  }

  /**
   * Drops every instance as if the process had died (tests of a crash): nothing in
   * PostgreSQL or Redis is touched, the leases are not given back (they lapse), the
   * zones stop and vanish with their players.
   */
  halt(): void {
    this.stopped = true;
    if (this.renewTimer) clearInterval(this.renewTimer);
    for (const inst of this.running.values()) {
      for (const t of inst.timers) clearInterval(t);
      inst.stopLoop?.();
      if (this.o.zones.get(inst.zoneId) === inst.zone) this.o.zones.delete(inst.zoneId);
    }
    this.running.clear();
  }

  /**
   * instance:leave — the member leaves early, alone, by the normal end's path: out
   * of the zone, instanceId cleared, told to reconnect to its return point. A dungeon
   * before its boss fell: a queue penalty and a replacement looked for (DungeonGroup).
   * An arena: they are out (their team may forfeit; the end's leaver penalty covers
   * them). Throws INVALID_STATE when they are not in an instance run here.
   */
  async leave(zoneId: string, characterId: string): Promise<InstanceLeaveResult> {
    const inst = this.running.get(zoneId);
    if (!inst || inst.closing || !this.isMember(zoneId, characterId)) throw notInInstance();
    const settled = inst.group
      ? inst.group.leave(characterId, 'left')
      : this.leaveOutsideDungeon(inst, characterId);
    if (!settled) throw notInInstance();
    await inst.zone
      .ask({ k: 'remove', characterId })
      .catch((err: unknown) => this.o.log.warn({ err, zone: zoneId }, 'leaving the zone failed'));
    const { penaltyUntil } = await settled;
    const backTo = await characterZoneIds(this.o.deps, [characterId]);
    const zoneName = ZONES.find((z) => z.id === backTo.get(characterId))?.name ?? 'the city';
    const s = this.o.sessions.ofCharacter(characterId);
    if (s?.zone === inst.zone) {
      const socket = s.socket;
      // after this command's ack: the client drops the connection on the transfer, so an
      // ack sent behind it would never arrive ("The server did not answer")
      setImmediate(() =>
        socket.emit('instance:transfer', {
          direction: 'leave',
          kind: inst.template.kind,
          zoneName,
          reason: 'left',
        }),
      );
      setTimeout(() => socket.disconnect(true), TRANSFER_CLOSE_MS).unref();
    }
    this.o.log.info({ zone: zoneId, kind: inst.template.kind }, 'a member left an instance');
    return {
      zoneName,
      penaltyMs: penaltyUntil === null ? null : Math.max(0, penaltyUntil - this.o.clock.ms()),
    };
  }

  /**
   * A solo accepted a dungeon's backfill ticket (match.backfill): they join that
   * instance when it runs here. False when it does not (any more), or the group no
   * longer wants anyone — their match is then released.
   */
  async addBackfill(match: ConfirmedMatch): Promise<boolean> {
    const inst = match.backfill && this.running.get(match.backfill.instanceId);
    if (inst?.group && !inst.closing) return inst.group.addBackfill(match);
    await this.o.release(match.matchId);
    return false;
  }

  /** The dungeon group of an instance (tests). */
  groupOf(zoneId: string): DungeonGroup | undefined {
    return this.running.get(zoneId)?.group;
  }

  /**
   * A character entered the open world here while its row says it is in an
   * instance not run here. If another process runs it, the character is sent
   * there (a new ticket names that process). If nobody does — its host died and
   * the lease lapsed, or, without Redis, this only process restarted — it is
   * closed for everyone (they stay at their return points) and the match released.
   */
  settleElsewhere(instanceId: string, socket: SimSocket): void {
    const { deps, log } = this.o;
    void (async () => {
      if (this.running.has(instanceId)) return;
      const owner = deps.redis
        ? await new RedisZoneDirectory(deps.redis).ownerOf(instanceId)
        : null;
      if (owner) {
        kick(socket, { reason: 'zone_moved', message: 'Rejoining your match…' });
        return;
      }
      const row = await findInstance(deps, instanceId);
      const { closed } = await closeInstance(deps, { zoneId: instanceId, reason: 'host_lost' });
      if (row) await this.o.release(row.matchId);
      if (closed) log.warn({ zone: instanceId }, 'instance lost with its host: players returned');
    })().catch((err: unknown) =>
      log.warn({ err, zone: instanceId }, 'settling a lost instance failed'),
    );
  }

  /**
   * An arena or raid member leaves early: out of the instance in PostgreSQL. An
   * arena leaver stays in the match until it ends (its leaver penalty is written
   * then); a raid member is free to queue at once.
   */
  private leaveOutsideDungeon(
    inst: RunningInstance,
    characterId: string,
  ): Promise<{ penaltyUntil: null }> | null {
    if (inst.left.has(characterId)) return null;
    inst.left.add(characterId);
    return (async () => {
      await leaveInstance(this.o.deps, { zoneId: inst.zoneId, characterId });
      const mm = this.o.matchmaking?.();
      if (mm && inst.template.kind !== 'arena') {
        await freeMatchMember(mm.deps, { matchId: inst.match.matchId, characterId });
        await mm.tell([characterId], 'released');
      }
      return { penaltyUntil: null };
    })();
  }

  /**
   * A matched dungeon group plays as one party: shared XP, the chest under its loot
   * mode (need/greed). A failure costs only that (logged); the dungeon runs either way.
   */
  private async formParty(inst: RunningInstance, memberIds: readonly string[]): Promise<void> {
    const roles = inst.match.roles ?? {};
    const leaders = memberIds.filter((id) => roles[id] === 'tank');
    try {
      const g = await formGroupParty(this.o.deps, { memberIds, leaders });
      if (g) [inst.partyId, inst.premade] = [g.partyId, new Set(g.premade)];
    } catch (err) {
      this.o.log.warn({ err, zone: inst.zoneId }, 'forming the group’s party failed');
    }
  }

  private dungeonGroup(inst: RunningInstance): DungeonGroup {
    const { deps, clock, log, io } = this.o;
    return new DungeonGroup({
      zoneId: inst.zoneId,
      template: inst.template,
      deps,
      clock,
      log,
      io,
      matchmaking: this.o.matchmaking,
      match: () => inst.match,
      setMatch: (m) => (inst.match = m),
      names: inst.names,
      left: inst.left,
      cleared: () => inst.encounter?.rules?.cleared != null,
      closing: () => inst.closing !== undefined,
      release: (matchId, message) => this.o.release(matchId, message),
      pull: (characterId, msg) => this.pullEverywhere(characterId, msg),
      partyId: () => inst.partyId,
      premade: () => inst.premade ?? new Set(),
      openedAt: inst.openedAt,
    });
  }

  /** Takes a member out of its open-world zone on whichever process holds its socket. */
  private pullEverywhere(characterId: string, msg: InstanceTransferMsg): void {
    if (this.o.deps.redis) this.o.io.serverSideEmit('instance:pull', characterId, msg);
    void pullHere(this.o.sessions, this.o.log, characterId, msg);
  }

  private async doClose(
    inst: RunningInstance,
    reason: 'finished' | 'empty' | 'host_lost' | 'abandoned',
  ): Promise<void> {
    const { deps, log } = this.o;
    for (const t of inst.timers) clearInterval(t);
    let returned: string[] = [];
    try {
      ({ returned } = await closeInstance(deps, { zoneId: inst.zoneId, reason }));
    } catch (err) {
      log.error({ err, zone: inst.zoneId }, 'closing an instance in the database failed');
    }
    // everyone connected to it reconnects into the open world (their instanceId is cleared)
    const back = await characterZoneIds(deps, returned).catch(() => new Map<string, string>());
    const zoneName = (id: string) => ZONES.find((z) => z.id === back.get(id))?.name ?? 'the city';
    for (const s of this.o.sessions.all()) {
      if (s.zone !== inst.zone) continue;
      s.socket.emit('instance:transfer', {
        direction: 'leave',
        kind: inst.template.kind,
        zoneName: zoneName(s.characterId),
        reason: reason === 'finished' ? 'finished' : 'closed',
      });
      const socket = s.socket;
      setTimeout(() => socket.disconnect(true), TRANSFER_CLOSE_MS).unref();
    }
    inst.stopLoop?.();
    tickMetrics.forget(inst.zoneId);
    await inst.zone.shutdown();
    if (inst.services) {
      // the last kill paid (its drops written), then nothing is left lying in a zone nobody runs
      await this.o.services?.detach(inst.zoneId);
      await clearZoneDrops(deps, inst.zoneId).catch((err: unknown) =>
        log.warn({ err, zone: inst.zoneId }, 'clearing an instance’s drops failed'),
      );
    }
    if (this.o.zones.get(inst.zoneId) === inst.zone) this.o.zones.delete(inst.zoneId);
    this.running.delete(inst.zoneId);
    await this.o.release(inst.match.matchId).catch((err: unknown) => {
      log.warn({ err, matchId: inst.match.matchId }, 'releasing a match failed');
    });
    // its backfill tickets withdrawn, the backfilled members' own matches released
    await inst.group?.closed().catch((err: unknown) => {
      log.warn({ err, zone: inst.zoneId }, 'closing a dungeon group failed');
    });
    await this.o.leases.release(inst.lease).catch(() => undefined);
    log.info({ zone: inst.zoneId, reason, returned: returned.length }, 'instance closed');
  }

  private async finishArena(zoneId: string, outcome: ArenaOutcome): Promise<void> {
    const inst = this.running.get(zoneId);
    if (!inst?.arena) return;
    const { rules, sink, bracket } = inst.arena;
    rules.disarm(inst.zone);
    this.sendArenaState(inst);
    const { deps, log, io } = this.o;
    // who is not in the arena at the end left it (or never came): a queue penalty, like a decliner
    const leavers = inst.match.teams.flat().filter((id) => !inst.zone.player(id));
    if (leavers.length > 0)
      await penaliseQueueDodgers(deps, leavers).catch((err: unknown) =>
        log.warn({ err, zone: zoneId }, 'penalising arena leavers failed'),
      );
    let ratings: { characterId: string; team: number; before: number; after: number }[] = [];
    try {
      const res = await finishArenaMatch(deps, {
        matchId: inst.match.matchId,
        bracket,
        teams: [[...(inst.match.teams[0] ?? [])], [...(inst.match.teams[1] ?? [])]],
        winner: outcome.winner as 0 | 1 | null,
        fight: arenaFightOf(rules, sink),
      });
      ratings = res.participants.map((p) => ({
        characterId: p.characterId,
        team: p.team,
        before: p.ratingBefore,
        after: p.ratingAfter,
      }));
    } catch (err) {
      log.error({ err, zone: zoneId }, 'recording an arena result failed');
    }
    for (const ids of inst.match.teams)
      for (const characterId of ids)
        io.to(characterRoom(characterId)).emit('arena:result', {
          matchId: inst.match.matchId,
          bracket,
          winner: outcome.winner,
          by: outcome.by,
          you: inst.match.teams.findIndex((t) => t.includes(characterId)),
          ratings: ratings.map((r) => ({ ...r, name: inst.names.get(r.characterId) ?? '?' })),
          returnInMs: ARENA_RETURN_MS,
        });
    inst.returnAt = this.o.clock.ms() + ARENA_RETURN_MS;
  }

  /**
   * A dungeon's or raid's boss is down (called from inside the tick): the instance
   * closes DUNGEON_CLOSE_AFTER_CLEAR_MS later (time to loot; leaving earlier is
   * free), the members inside are credited (`dungeon.cleared` / `raid.cleared`, once
   * per instance) and told (`instance:cleared`).
   */
  private instanceCleared(zoneId: string, clear: InstanceClear): void {
    const inst = this.running.get(zoneId);
    if (!inst || inst.template.kind === 'arena') return;
    inst.returnAt = clear.at + DUNGEON_CLOSE_AFTER_CLEAR_MS;
    // nobody is looked for once the boss is down
    void inst.group
      ?.cleared()
      .catch((err: unknown) =>
        this.o.log.warn({ err, zone: zoneId }, 'withdrawing backfills failed'),
      );
    const { deps, log, io } = this.o;
    const kind = inst.template.kind;
    const templateId = inst.template.content.id;
    const msg: InstanceClearedMsg = {
      matchId: inst.match.matchId,
      kind,
      templateId,
      name: inst.template.content.name,
      closeInMs: DUNGEON_CLOSE_AFTER_CLEAR_MS,
    };
    for (const characterId of clear.present)
      io.to(characterRoom(characterId)).emit('instance:cleared', msg);
    if (clear.present.length === 0) return;
    void recordInstanceCleared(deps, {
      kind,
      instanceId: zoneId,
      templateId,
      characterIds: clear.present,
    }).catch((err: unknown) => log.error({ err, zone: zoneId, kind }, 'recording a clear failed'));
  }

  /** The scoreboard when due, the return after the result, closing when empty. */
  private async housekeeping(inst: RunningInstance): Promise<void> {
    if (inst.closing) return;
    const now = this.o.clock.ms();
    if (inst.arena && now - inst.stateSentAt >= ARENA_STATE_MS) {
      inst.stateSentAt = now;
      this.sendArenaState(inst);
    }
    if (inst.returnAt !== undefined && now >= inst.returnAt)
      return this.close(inst.zoneId, 'finished');
    await inst.group?.sweep();
    await this.closeIfEmpty(inst);
  }

  private sendArenaState(inst: RunningInstance): void {
    if (!inst.arena) return;
    const { rules, sink, bracket } = inst.arena;
    const now = this.o.clock.ms();
    const teams: ArenaMemberState[][] = inst.match.teams.map((ids) =>
      ids.map((id) => {
        const p = inst.zone.player(id);
        return {
          characterId: id,
          eid: p?.eid ?? null,
          name: inst.names.get(id) ?? '?',
          health: p?.health ?? 0,
          maxHealth: p?.maxHealth ?? 0,
          dead: p ? p.combat.dead : rules.hasArrived(id),
          damage: sink.damage.get(id) ?? 0,
          kills: sink.kills.get(id) ?? 0,
        };
      }),
    );
    for (const [you, ids] of inst.match.teams.entries())
      for (const id of ids) {
        const msg: ArenaStateMsg = {
          matchId: inst.match.matchId,
          bracket,
          phase: rules.phase,
          phaseLeftMs: rules.phase === 'over' ? 0 : Math.max(0, rules.phaseEndsAt - now),
          you,
          teams,
        };
        this.o.io.to(characterRoom(id)).emit('arena:state', msg);
      }
  }

  /** Nobody inside for INSTANCE_EMPTY_CLOSE_MS (or nobody left after the end): closed. */
  private async closeIfEmpty(inst: RunningInstance): Promise<void> {
    if (inst.zone.playerCount > 0) {
      inst.emptySince = undefined;
      return;
    }
    const now = this.o.clock.ms();
    inst.emptySince ??= now;
    if (now - inst.emptySince >= INSTANCE_EMPTY_CLOSE_MS) await this.close(inst.zoneId, 'empty');
  }

  private async renewAll(): Promise<void> {
    for (const inst of [...this.running.values()]) {
      const kept = await this.o.leases.renew(inst.lease).catch(() => true);
      if (!kept) {
        this.o.log.warn({ zone: inst.zoneId }, 'instance lease lost');
        await this.close(inst.zoneId, 'host_lost');
      }
    }
  }
}

/**
 * A member of a new instance leaves its open-world zone on this process (its
 * return point saved by the zone's own leaving save) and is told to reconnect.
 */
export async function pullHere(
  sessions: SessionRegistry,
  log: Log,
  characterId: string,
  msg: InstanceTransferMsg,
): Promise<boolean> {
  const s = sessions.ofCharacter(characterId);
  if (!s) return false;
  try {
    await s.zone.ask({ k: 'remove', characterId });
  } catch (err) {
    log.warn({ err, characterId }, 'leaving for an instance failed');
  }
  s.socket.emit('instance:transfer', msg);
  const socket = s.socket;
  setTimeout(() => socket.disconnect(true), TRANSFER_CLOSE_MS).unref();
  return true;
}
