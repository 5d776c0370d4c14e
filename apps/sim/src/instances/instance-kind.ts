/**
 * What makes an arena, a dungeon and a raid different, as one interface
 * (docs/instances.md "Instance kinds"). The instance host runs the lifecycle the
 * same for every instance — open, send the members in, leave, close — and calls
 * the instance's kind at each step for what this kind does there. Each kind is a
 * module (arena-kind.ts, dungeon-kind.ts, raid-kind.ts; the dungeon and the raid
 * share pve-kind.ts), registered by kind in instance-kinds.ts.
 */
import type { InstanceTemplate, InstanceTransferMsg, PushSink } from '@necp/shared';
import {
  freeMatchMember,
  leaveInstance,
  type Clock,
  type ConfirmedMatch,
  type GameDeps,
  type Log,
} from '@necp/game';
import type { SimIo } from '../net/types';
import type { Zone, ZoneOptions } from '../zone/zone';
import type { ArenaRules } from './arena-rules';
import type { DungeonGroup, GroupMatchmaking } from './dungeon-group';
import type { InstanceClearRules } from './instance-clear-rules';

/** What the host lends a kind for one instance: its place, its match, its ways out. */
export interface InstanceContext {
  zoneId: string;
  template: InstanceTemplate;
  /** clock ms it opened */
  openedAt: number;
  /** the members' names by character id (a backfill adds its own) */
  names: Map<string, string>;
  /** members who left early (instance:leave, or dropped for good): no longer members */
  left: Set<string>;
  deps: GameDeps;
  clock: Clock;
  log: Log;
  io: SimIo;
  /** what the members are told goes here (net/push-dispatcher.ts) */
  push: PushSink;
  /** the sim's matchmaking (absent: nobody is freed or looked for) */
  matchmaking: (() => GroupMatchmaking) | undefined;
  /** the match is over for matchmaking: its members may queue again (told `message`) */
  release(matchId: string, message?: string): Promise<unknown>;
  /** the instance's match now (a dungeon adds the members it backfills) */
  match(): ConfirmedMatch;
  setMatch(m: ConfirmedMatch): void;
  /** its zone (made after the kind's `open`: ask it from the hooks only) */
  zone(): Zone;
  /** the host still runs it (not closed, not halted) */
  running(): boolean;
  /** it is closing */
  closing(): boolean;
  /** everyone is sent back at this clock ms (the instance closes, `finished`) */
  finishAt(ms: number): void;
  /** takes a member out of the open world into the instance (on whichever process holds them) */
  pull(characterId: string, msg: InstanceTransferMsg): void;
}

/** One kind of instance: arena, dungeon or raid. */
export interface InstanceKind {
  /** its entry needs a quantum_sync_token (the raid: InstanceHost.raidOf) */
  readonly syncTokenEntry: boolean;
  /** An instance of this kind opens: its own part of it, made before its zone. */
  open(ctx: InstanceContext): InstanceRun;
}

/** A running instance's kind-specific part; the host calls its hooks. */
export interface InstanceRun {
  /** what its zone is made with beyond the map: a combat sink, the NPC templates */
  readonly zone: Pick<ZoneOptions, 'sink' | 'npcTemplates'>;
  /** refused respawns with this message (the arena: out is out) */
  readonly noRespawn?: string | undefined;
  /** its kills pay like the open world's: the host attaches (and on close detaches) the zone services */
  readonly services: boolean;
  /** at the end of every tick of its zone (its rules, in tick order) */
  afterTick(zone: Zone, now: number): void;
  /** the members are about to be sent in (those whose instanceId was set); must not throw */
  entering?(memberIds: readonly string[]): Promise<void>;
  /**
   * A member leaves early (instance:leave): out of the instance at once
   * (synchronously), settled by the promise; null when they left already.
   */
  leave(characterId: string): Promise<{ penaltyUntil: number | null }> | null;
  /** a solo's confirmed backfill to take in; absent: this kind takes none */
  addBackfill?(match: ConfirmedMatch): Promise<boolean>;
  /** housekeeping, before the return is checked: what the members are told periodically */
  report?(now: number): void;
  /** housekeeping, after the return is checked (the instance is not closing) */
  sweep?(): Promise<void>;
  /** the instance closed and its match was released; must not throw */
  closed?(): Promise<void>;
  /** its parts, for tests (InstanceHost.arenaOf, clearRulesOf, groupOf) */
  readonly arena?: ArenaRules | undefined;
  readonly clearRules?: InstanceClearRules | undefined;
  readonly group?: DungeonGroup | undefined;
}

/**
 * A member of an arena or a raid leaves early: out of the instance in PostgreSQL.
 * `free`: out of the match for matchmaking at once (a raid member may queue again);
 * otherwise they stay in it until it ends (an arena leaver: its penalty is written then).
 */
export function leaveEarly(
  ctx: InstanceContext,
  characterId: string,
  o: { free: boolean },
): Promise<{ penaltyUntil: null }> | null {
  if (ctx.left.has(characterId)) return null;
  ctx.left.add(characterId);
  return (async () => {
    await leaveInstance(ctx.deps, { zoneId: ctx.zoneId, characterId });
    const mm = ctx.matchmaking?.();
    if (mm && o.free) {
      await freeMatchMember(mm.deps, { matchId: ctx.match().matchId, characterId });
      await mm.tell([characterId], 'released');
    }
    return { penaltyUntil: null };
  })();
}
