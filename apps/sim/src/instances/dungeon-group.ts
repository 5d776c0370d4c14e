/**
 * A dungeon group's comings and goings (docs/instances.md "Leaving and backfill"),
 * owned by the instance host, one per dungeon. Until the boss falls a member who
 * leaves — by `instance:leave`, by dropping and not coming back within the
 * reconnect window, or by never arriving — gets a queue penalty (counted like a
 * declined ready check), is out of the match for matchmaking, and the group asks
 * the dungeon queue for a replacement with their role (a backfill ticket). The
 * solo who accepts it is added as a member and pulled in like the others. Members
 * inside hear each step (`instance:roster`). After the clear, leaving is free and
 * nothing is looked for; the tickets still out are withdrawn.
 */
import {
  INSTANCE_ARRIVAL_MS,
  RECONNECT_GRACE_MS,
  emitTo,
  formatWait,
  type GroupRole,
  type InstanceRosterMsg,
  type InstanceTemplate,
  type InstanceTransferMsg,
  type PushSink,
} from '@necp/shared';
import {
  characterLevels,
  characterNames,
  freeMatchMember,
  joinGroupParty,
  joinInstance,
  leaveInstance,
  leaveParty,
  partyIdOf,
  penaliseQueueDodgers,
  recordMatchStarted,
  requestBackfill,
  withdrawBackfill,
  type Clock,
  type ConfirmedMatch,
  type GameDeps,
  type Log,
} from '@necp/game';
import type { SimMatchmaking } from '../matchmaking/sim-matchmaking';
import type { Zone } from '../zone/zone';

/** A member who has not arrived this long after being sent in counts as having left. */
export const DUNGEON_ARRIVAL_MS = INSTANCE_ARRIVAL_MS + RECONNECT_GRACE_MS;

/** What a group needs of the sim's matchmaking (its store, its pushes). */
export type GroupMatchmaking = Pick<SimMatchmaking, 'deps' | 'tell'>;

export interface DungeonGroupOptions {
  zoneId: string;
  template: InstanceTemplate;
  deps: GameDeps;
  clock: Clock;
  log: Log;
  /** the members are told here (net/push-dispatcher.ts) */
  push: PushSink;
  /** absent: leavers are still penalised, but nobody is looked for */
  matchmaking: (() => GroupMatchmaking) | undefined;
  /** the instance's match now; the group adds the members it backfills */
  match(): ConfirmedMatch;
  setMatch(m: ConfirmedMatch): void;
  names: Map<string, string>;
  /** members who left for good (the host's: they are no longer members) */
  left: Set<string>;
  /** the boss is down */
  cleared(): boolean;
  /** the instance is closing */
  closing(): boolean;
  /** releases a (backfill's own) confirmed match, telling its member */
  release(matchId: string, message?: string): Promise<unknown>;
  /** takes a member out of the open world into the instance (the host's pull path) */
  pull(characterId: string, msg: InstanceTransferMsg): void;
  /** the group's party (group-party.ts): replacements join it, early leavers leave it */
  partyId(): string | undefined;
  /** members whose own (premade) party the group's party is: leaving keeps them in it */
  premade(): ReadonlySet<string>;
  openedAt: number;
}

export type LeaveHow = 'left' | 'dropped';

export class DungeonGroup {
  private readonly arrived = new Set<string>();
  /** clock ms by which each member not arrived yet must be in */
  private readonly due = new Map<string, number>();
  /** backfilled members on their way in (their arrival is told as `joined`) */
  private readonly joining = new Set<string>();
  /** the backfill tickets out, by id: the role each looks for */
  private readonly backfills = new Map<string, GroupRole>();
  /** a backfilled member's own confirmed match */
  private readonly ownMatch = new Map<string, string>();

  constructor(private readonly o: DungeonGroupOptions) {
    for (const id of this.members()) this.due.set(id, o.openedAt + DUNGEON_ARRIVAL_MS);
  }

  /** The members now: the match's, without those who left. */
  members(): string[] {
    return this.o
      .match()
      .teams.flat()
      .filter((id) => !this.o.left.has(id));
  }

  /** Backfill tickets still out (tests). */
  get openBackfills(): number {
    return this.backfills.size;
  }

  /**
   * At the end of each tick, until the clear: arrivals (a backfilled one is told as
   * `joined`), and members gone for good — dropped and not back within the
   * reconnect window (the zone removed them), or never come.
   */
  afterTick(zone: Pick<Zone, 'player'>, now: number): void {
    if (this.o.cleared() || this.o.closing()) return;
    for (const id of this.members()) {
      if (zone.player(id)) {
        if (this.arrived.has(id)) continue;
        this.arrived.add(id);
        this.due.delete(id);
        if (this.joining.delete(id)) this.roster('joined', id, { searching: false });
        continue;
      }
      if (this.arrived.has(id) || now >= (this.due.get(id) ?? Infinity))
        void this.leave(id, 'dropped')?.catch((err: unknown) =>
          this.o.log.error({ err, zone: this.o.zoneId }, 'a dungeon leaver was not settled'),
        );
    }
  }

  /**
   * A member leaves for good. Null when they left already. The member is out at
   * once (synchronously: the tick will not see them again); then their instanceId
   * is cleared, the penalty written (before the clear), the match lets them go, a
   * replacement is looked for and the others are told.
   */
  leave(characterId: string, how: LeaveHow): Promise<{ penaltyUntil: number | null }> | null {
    if (this.o.left.has(characterId)) return null;
    const before = !this.o.cleared();
    const role = this.o.match().roles?.[characterId] ?? null;
    this.o.left.add(characterId);
    this.joining.delete(characterId);
    return this.settleLeaver(characterId, how, before, role);
  }

  private async settleLeaver(
    characterId: string,
    how: LeaveHow,
    beforeClear: boolean,
    role: GroupRole | null,
  ): Promise<{ penaltyUntil: number | null }> {
    const { deps, log, zoneId } = this.o;
    await leaveInstance(deps, { zoneId, characterId });
    let penaltyUntil: number | null = null;
    if (beforeClear) {
      const [p] = await penaliseQueueDodgers(deps, [characterId]);
      penaltyUntil = p?.until ?? null;
    }
    const mm = this.o.matchmaking?.();
    const message =
      penaltyUntil === null
        ? undefined
        : `${how === 'left' ? 'You left' : 'You dropped out of'} the dungeon before its boss fell: you can queue again in ${formatWait(
            penaltyUntil - deps.clock.ms(),
          )}.`;
    // out of the match for matchmaking: a backfilled member's own match ends with them
    const own = this.ownMatch.get(characterId);
    if (own) {
      this.ownMatch.delete(characterId);
      await this.o.release(own, message);
    } else if (mm) {
      await freeMatchMember(mm.deps, { matchId: this.o.match().matchId, characterId });
      await mm.tell([characterId], 'released', message);
    }
    // out of the group's party too (a stranger: a premade member stays), so a replacement has a place
    if (beforeClear) await this.leaveParty(characterId);
    const searching = beforeClear && role !== null && (await this.lookFor(role));
    this.roster('left', characterId, { searching, role });
    log.info({ zone: zoneId, how, beforeClear, searching }, 'a dungeon member left');
    return { penaltyUntil };
  }

  /** Queues a backfill ticket for `role`; false when there is nobody to fill for or no queue. */
  private async lookFor(role: GroupRole): Promise<boolean> {
    const mm = this.o.matchmaking?.();
    const remaining = this.members();
    if (!mm || remaining.length === 0 || this.o.closing()) return false;
    const match = this.o.match();
    const ticketId = await requestBackfill(mm.deps, {
      queue: match.queue,
      matchId: match.matchId,
      instanceId: this.o.zoneId,
      role,
      levels: await characterLevels(this.o.deps, remaining),
    });
    this.backfills.set(ticketId, role);
    // cleared or closing meanwhile: nobody is wanted any more
    if (this.o.cleared() || this.o.closing()) await this.withdrawAll();
    return this.backfills.has(ticketId);
  }

  /**
   * A solo accepted a backfill ticket of this group: they become a member (their
   * instanceId set, the participant row written), are pulled in from the open world
   * and spawn at the entrance. False when the group no longer wants anyone (the
   * boss fell, it is closing) or the solo could not be put in: their match is
   * released (and, in the second case, another replacement is looked for).
   */
  async addBackfill(match: ConfirmedMatch): Promise<boolean> {
    const slot = match.backfill;
    const characterId = match.teams.flat()[0];
    if (!slot || !characterId) return false;
    const role = this.backfills.get(slot.ticketId) ?? slot.role;
    this.backfills.delete(slot.ticketId);
    const { deps, zoneId, log } = this.o;
    if (this.o.cleared() || this.o.closing()) {
      await this.o.release(
        match.matchId,
        'The group finished the dungeon before you could join: you may queue again.',
      );
      return false;
    }
    if (!(await joinInstance(deps, { zoneId, characterId }))) {
      await this.o.release(match.matchId, 'The group could not take you in: you may queue again.');
      await this.lookFor(role);
      return false;
    }
    const names = await characterNames(deps, [characterId]);
    this.o.names.set(characterId, names.get(characterId) ?? '?');
    const m = this.o.match();
    const team = m.teams[0] ?? [];
    this.o.setMatch({
      ...m,
      teams: [team.includes(characterId) ? team : [...team, characterId], ...m.teams.slice(1)],
      roles: { ...m.roles, [characterId]: role },
    });
    this.o.left.delete(characterId);
    this.arrived.delete(characterId);
    this.due.set(characterId, this.o.clock.ms() + DUNGEON_ARRIVAL_MS);
    this.joining.add(characterId);
    this.ownMatch.set(characterId, match.matchId);
    // the history row beside the others' (same match, team 0)
    await recordMatchStarted(deps, { match: { ...m, teams: [[characterId]] } }).catch(
      (err: unknown) => log.warn({ err, zone: zoneId }, 'recording a backfill’s history failed'),
    );
    await this.joinParty(characterId);
    this.o.pull(characterId, {
      direction: 'enter',
      kind: this.o.template.kind,
      zoneName: this.o.template.content.name,
    });
    this.roster('found', characterId, { searching: false, role });
    return true;
  }

  /** A replacement joins the group's party (before its new connection reads its party). */
  private async joinParty(characterId: string): Promise<void> {
    const partyId = this.o.partyId();
    if (!partyId) return;
    await joinGroupParty(this.o.deps, { partyId, characterId }).catch((err: unknown) =>
      this.o.log.warn({ err, zone: this.o.zoneId }, 'a replacement could not join the party'),
    );
  }

  /** An early leaver leaves the group's party; the others see it at once. */
  private async leaveParty(characterId: string): Promise<void> {
    const partyId = this.o.partyId();
    // the party they came with is theirs: leaving the dungeon does not end it
    if (!partyId || this.o.premade().has(characterId)) return;
    try {
      if ((await partyIdOf(this.o.deps, characterId)) !== partyId) return;
      const { pushes } = await leaveParty(this.o.deps, { characterId });
      this.o.push(pushes);
    } catch (err) {
      this.o.log.warn({ err, zone: this.o.zoneId }, 'a leaver could not leave the party');
    }
  }

  /** The boss fell: nobody is looked for any more. */
  cleared(): Promise<void> {
    return this.withdrawAll();
  }

  /** Housekeeping: a ticket a dissolved ready check put back after the clear is withdrawn again. */
  async sweep(): Promise<void> {
    if (this.backfills.size > 0 && (this.o.cleared() || this.o.closing())) await this.withdrawAll();
  }

  /** The instance closes: the tickets out are withdrawn, the backfilled members' matches released. */
  async closed(): Promise<void> {
    await this.withdrawAll();
    await Promise.all(
      [...this.ownMatch.values()].map((id) =>
        this.o
          .release(id)
          .catch((err: unknown) =>
            this.o.log.warn({ err, matchId: id }, 'releasing a backfill match failed'),
          ),
      ),
    );
  }

  private async withdrawAll(): Promise<void> {
    const mm = this.o.matchmaking?.();
    if (!mm) return;
    const queue = this.o.match().queue;
    for (const ticketId of [...this.backfills.keys()]) {
      // false: it is in a ready check now (its accept is refused, its dissolve put back: swept)
      if (await withdrawBackfill(mm.deps, { queue, ticketId }).catch(() => false))
        this.backfills.delete(ticketId);
    }
  }

  /** Tells the members (not the one it is about) who left, was found, joined. */
  private roster(
    event: InstanceRosterMsg['event'],
    characterId: string,
    o: { searching: boolean; role?: GroupRole | null },
  ): void {
    const msg: InstanceRosterMsg = {
      matchId: this.o.match().matchId,
      event,
      characterId,
      name: this.o.names.get(characterId) ?? '?',
      role: o.role ?? this.o.match().roles?.[characterId] ?? null,
      searching: o.searching,
    };
    const others = this.members().filter((id) => id !== characterId);
    this.o.push([emitTo({ characters: others }, 'instance:roster', msg)]);
  }
}
