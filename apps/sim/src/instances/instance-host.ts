/**
 * The instances this sim process runs (docs/instances.md): each is a zone of its
 * own, leased like an open-world zone (so the web's ticket names this process for
 * the characters inside), opened for one confirmed match and closed when it is
 * finished or empty. Entering and leaving are reconnects: the character's
 * `instanceId` in PostgreSQL says where its next ticket goes; its open-world place
 * is never overwritten (instances write no positions), so if this process dies
 * the players land back there with nothing to undo. What differs between an arena,
 * a dungeon and a raid is the instance's kind (instance-kind.ts, instance-kinds.ts):
 * the host runs the lifecycle and calls the kind's hooks.
 */
import {
  INSTANCE_EMPTY_CLOSE_MS,
  instanceContent,
  instanceZoneId,
  templateForMatch,
  type InstanceLeaveResult,
  type InstanceTransferMsg,
} from '@necp/shared';
import {
  ZONE_LEASE_RENEW_MS,
  characterNames,
  characterZoneIds,
  clearZoneDrops,
  closeInstance,
  notInInstance,
  openInstance,
  recordMatchStarted,
  type ConfirmedMatch,
  type ZoneLeases,
} from '@necp/game';
import type { SimSocket } from '../net/types';
import type { SessionRegistry } from '../session/sessions';
import { repeat, type Repeating } from '../timers/repeat';
import { Zone } from '../zone/zone';
import { tickMetrics } from '../zone/tick-metrics';
import { startZoneLoop } from '../zone/zone-loop';
import type { ZoneServices } from '../zone/zone-services';
import type { ArenaRules } from './arena-rules';
import type { InstanceClearRules } from './instance-clear-rules';
import { noPositionSaves } from './no-position-saves';
import type { DungeonGroup } from './dungeon-group';
import { INSTANCE_KINDS } from './instance-kinds';
import { instanceContext, type KindServices, type RunningInstance } from './running-instance';
import { pullHere, returnZoneName, sendOut, settleLostInstance } from './instance-transfer';

/** How often (real time) an instance looks after itself: scoreboard, empty, return after the end. */
const HOUSEKEEPING_MS = 250;

/** The host's options; what it passes on to every instance's kind is KindServices. */
export interface InstanceHostOptions extends KindServices {
  leases: ZoneLeases;
  /** the server's zones by id: an open instance is one of them (the handshake and handlers find it there) */
  zones: Map<string, Zone>;
  sessions: SessionRegistry;
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
}

export class InstanceHost {
  private readonly running = new Map<string, RunningInstance>();
  private renewing: Repeating | undefined;
  private stopped = false;

  constructor(private readonly o: InstanceHostOptions) {}

  start(): void {
    this.renewing ??= repeat(this.o.renewMs ?? ZONE_LEASE_RENEW_MS, () => this.renewAll(), {
      log: this.o.log,
      what: 'renewing instance leases',
    });
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
    return this.running.get(zoneId)?.run.clearRules;
  }

  /** The arena rules of an instance (tests). */
  arenaOf(zoneId: string): ArenaRules | undefined {
    return this.running.get(zoneId)?.run.arena;
  }

  /** The dungeon group of an instance (tests). */
  groupOf(zoneId: string): DungeonGroup | undefined {
    return this.running.get(zoneId)?.run.group;
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
    const kind = INSTANCE_KINDS[template.kind];
    // its run and zone are made next (the kind's context asks for the zone only later)
    const fields = { zoneId, match, template, kind, lease, names, openedAt: clock.ms() };
    const opening: Omit<RunningInstance, 'run' | 'zone'> = {
      ...fields,
      left: new Set(),
      services: false,
    };
    const running = opening as RunningInstance;
    const context = instanceContext(running, this.o, {
      runs: (i) => this.running.get(i.zoneId) === i,
      pull: (characterId, msg) => this.pullEverywhere(characterId, msg),
    });
    const run = (running.run = kind.open(context));
    const zone = (running.zone = new Zone({
      content: instanceContent(template, match.matchId),
      clock,
      log,
      positions: noPositionSaves,
      seed: deps.rng.int(0, 0x7fffffff),
      ...(this.o.applyCommands ? { applyCommands: this.o.applyCommands } : {}),
      ...run.zone,
      instance: {
        ...(run.noRespawn ? { noRespawn: run.noRespawn } : {}),
        afterTick: (z, now) => run.afterTick(z, now),
      },
    }));
    // a dungeon's or raid's kills pay like the open world's (XP, loot, party loot mode, deaths)
    running.services = run.services && this.o.services !== undefined;
    if (running.services) await this.o.services!.attach(zone);
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
      // before they are sent in (a dungeon's group party: their new connections find it)
      await run.entering?.(entered);
      for (const characterId of entered) this.pullEverywhere(characterId, msg);
    } catch (err) {
      log.error({ err, zone: zoneId }, 'opening an instance failed');
      await this.close(zoneId, 'abandoned');
      return false;
    }
    const every = this.o.housekeepingMs ?? HOUSEKEEPING_MS;
    running.housekeeping = repeat(every, () => this.housekeeping(running), {
      log: log.child({ zone: zoneId }),
      what: 'instance housekeeping',
    });
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
    if (!inst?.kind.syncTokenEntry) return undefined;
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
    await this.renewing?.stop();
    await Promise.all([...this.running.keys()].map((id) => this.close(id, 'abandoned')));
  }

  /**
   * Drops every instance as if the process had died (tests of a crash): nothing in
   * PostgreSQL or Redis is touched, the leases are not given back (they lapse), the
   * zones stop and vanish with their players.
   */
  halt(): void {
    this.stopped = true;
    void this.renewing?.stop();
    for (const inst of this.running.values()) {
      void inst.housekeeping?.stop();
      inst.stopLoop?.();
      if (this.o.zones.get(inst.zoneId) === inst.zone) this.o.zones.delete(inst.zoneId);
    }
    this.running.clear();
  }

  /**
   * instance:leave — the member leaves early, alone, by the normal end's path: out
   * of the zone, instanceId cleared, told to reconnect to its return point; what
   * else it costs is the kind's (a dungeon before its boss fell: a queue penalty and
   * a replacement looked for; an arena: they are out, their team may forfeit).
   * Throws INVALID_STATE when they are not in an instance run here.
   */
  async leave(zoneId: string, characterId: string): Promise<InstanceLeaveResult> {
    const inst = this.running.get(zoneId);
    if (!inst || inst.closing || !this.isMember(zoneId, characterId)) throw notInInstance();
    const settled = inst.run.leave(characterId);
    if (!settled) throw notInInstance();
    await inst.zone
      .ask({ k: 'remove', characterId })
      .catch((err: unknown) => this.o.log.warn({ err, zone: zoneId }, 'leaving the zone failed'));
    const { penaltyUntil } = await settled;
    const zoneName = returnZoneName(
      await characterZoneIds(this.o.deps, [characterId]),
      characterId,
    );
    const s = this.o.sessions.ofCharacter(characterId);
    const kind = inst.template.kind;
    const out: InstanceTransferMsg = { direction: 'leave', kind, zoneName, reason: 'left' };
    // after this command's ack: the client drops the connection on the transfer, so an
    // ack sent behind it would never arrive ("The server did not answer")
    if (s?.zone === inst.zone) sendOut(s.socket, out, { afterAck: true });
    this.o.log.info({ zone: zoneId, kind }, 'a member left an instance');
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
    if (inst?.run.addBackfill && !inst.closing) return inst.run.addBackfill(match);
    await this.o.release(match.matchId);
    return false;
  }

  /**
   * A character entered the open world here while its row says it is in an
   * instance not run here: sent to the process that runs it, or, when none does,
   * the instance is closed for everyone (settleLostInstance).
   */
  settleElsewhere(instanceId: string, socket: SimSocket): void {
    void settleLostInstance(this.o, instanceId, socket, () => this.running.has(instanceId)).catch(
      (err: unknown) =>
        this.o.log.warn({ err, zone: instanceId }, 'settling a lost instance failed'),
    );
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
    // not awaited: this close may be that loop's own run (closing an empty or finished instance)
    void inst.housekeeping?.stop();
    let returned: string[] = [];
    try {
      ({ returned } = await closeInstance(deps, { zoneId: inst.zoneId, reason }));
    } catch (err) {
      log.error({ err, zone: inst.zoneId }, 'closing an instance in the database failed');
    }
    // everyone connected to it reconnects into the open world (their instanceId is cleared)
    const back = await characterZoneIds(deps, returned).catch(() => new Map<string, string>());
    for (const s of this.o.sessions.all()) {
      if (s.zone !== inst.zone) continue;
      sendOut(s.socket, {
        direction: 'leave',
        kind: inst.template.kind,
        zoneName: returnZoneName(back, s.characterId),
        reason: reason === 'finished' ? 'finished' : 'closed',
      });
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
    await inst.run.closed?.();
    await this.o.leases.release(inst.lease).catch(() => undefined);
    log.info({ zone: inst.zoneId, reason, returned: returned.length }, 'instance closed');
  }

  /** The kind's periodic pushes, the return after the end, the kind's sweep, closing when empty. */
  private async housekeeping(inst: RunningInstance): Promise<void> {
    if (inst.closing) return;
    const now = this.o.clock.ms();
    inst.run.report?.(now);
    if (inst.returnAt !== undefined && now >= inst.returnAt)
      return this.close(inst.zoneId, 'finished');
    await inst.run.sweep?.();
    await this.closeIfEmpty(inst);
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
