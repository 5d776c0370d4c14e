/**
 * One instance as its host keeps it while it runs (instance-host.ts), and what its
 * kind is lent of it (InstanceContext, instance-kind.ts): its match, members and
 * zone, and the host's ways to pull a member in, release a match, end it.
 */
import type { InstanceTemplate, InstanceTransferMsg, PushSink } from '@necp/shared';
import type { Clock, ConfirmedMatch, GameDeps, HeldZoneLease, Log } from '@necp/game';
import type { SimIo } from '../net/types';
import type { Zone } from '../zone/zone';
import type { Repeating } from '../timers/repeat';
import type { GroupMatchmaking } from './dungeon-group';
import type { InstanceContext, InstanceKind, InstanceRun } from './instance-kind';

export interface RunningInstance {
  zoneId: string;
  match: ConfirmedMatch;
  template: InstanceTemplate;
  kind: InstanceKind;
  /** the kind's part of this instance (its rules, group, scoreboard) */
  run: InstanceRun;
  zone: Zone;
  lease: HeldZoneLease;
  names: Map<string, string>;
  openedAt: number;
  /** its zone services are attached (detached, and its drops cleared, on close) */
  services: boolean;
  /** its housekeeping loop, from the moment it is open */
  housekeeping?: Repeating;
  stopLoop?: () => void;
  closing?: Promise<void>;
  /** clock ms since when nobody is inside */
  emptySince?: number | undefined;
  /** clock ms after which everyone is sent back (the arena result is out, the boss fell) */
  returnAt?: number | undefined;
  /** members who left early (instance:leave, or dropped for good): no longer members */
  left: Set<string>;
}

/** What the host passes on from its options to every instance's kind. */
export interface KindServices {
  deps: GameDeps;
  clock: Clock;
  log: Log;
  io: SimIo;
  /** what the members are told goes here (net/push-dispatcher.ts) */
  push: PushSink;
  /** the match is over for matchmaking: its members may queue again (told `message`) */
  release(matchId: string, message?: string): Promise<unknown>;
  /**
   * The sim's matchmaking (asked when needed: it is made after the host): a leaver
   * is let out of the match, a dungeon asks it for a replacement. Absent: neither.
   */
  matchmaking?: () => GroupMatchmaking;
}

/**
 * The kind's view of `inst`. `runs`: the host still runs it (it is not closed
 * or halted); `pull`: the host's way of taking a member into it.
 */
export function instanceContext(
  inst: RunningInstance,
  o: KindServices,
  host: {
    runs(inst: RunningInstance): boolean;
    pull(characterId: string, msg: InstanceTransferMsg): void;
  },
): InstanceContext {
  const { deps, clock, log, io, push, matchmaking } = o;
  return {
    zoneId: inst.zoneId,
    template: inst.template,
    openedAt: inst.openedAt,
    names: inst.names,
    left: inst.left,
    deps,
    clock,
    log,
    io,
    push,
    matchmaking,
    release: (matchId, message) => o.release(matchId, message),
    match: () => inst.match,
    setMatch: (m) => (inst.match = m),
    zone: () => inst.zone,
    running: () => host.runs(inst),
    closing: () => inst.closing !== undefined,
    finishAt: (ms) => (inst.returnAt = ms),
    pull: (characterId, msg) => host.pull(characterId, msg),
  };
}
