/**
 * The dungeon as an instance kind (instance-kind.ts; docs/instances.md "Dungeons",
 * "Leaving and backfill"): the shared PvE run (pve-kind.ts) with a group — the
 * matched members play as one party (formGroupParty, formed before they are sent
 * in), and its leavers, drops and backfill are DungeonGroup's.
 */
import { formGroupParty, type ConfirmedMatch } from '@necp/game';
import type { Zone } from '../zone/zone';
import { DungeonGroup } from './dungeon-group';
import type { InstanceContext, InstanceKind } from './instance-kind';
import { PveRun } from './pve-kind';

export const dungeonKind: InstanceKind = {
  syncTokenEntry: false,
  open: (ctx) => new DungeonRun(ctx),
};

class DungeonRun extends PveRun {
  /** its leavers and backfill */
  readonly group: DungeonGroup;
  /** the group's party (formGroupParty), once formed, and whose own party it is */
  private partyId: string | undefined;
  private premade: ReadonlySet<string> | undefined;

  constructor(ctx: InstanceContext) {
    super(ctx, 'dungeon');
    this.group = new DungeonGroup({
      ...ctx,
      cleared: () => this.clearRules?.cleared != null,
      partyId: () => this.partyId,
      premade: () => this.premade ?? new Set(),
    });
  }

  override afterTick(zone: Zone, now: number): void {
    super.afterTick(zone, now);
    if (this.ctx.running()) this.group.afterTick(zone, now);
  }

  /**
   * A matched dungeon group plays as one party: shared XP, the chest under its loot
   * mode (need/greed). Formed before they are sent in: their new connections find
   * it. A failure costs only that (logged); the dungeon runs either way.
   */
  async entering(memberIds: readonly string[]): Promise<void> {
    const roles = this.ctx.match().roles ?? {};
    const leaders = memberIds.filter((id) => roles[id] === 'tank');
    try {
      const g = await formGroupParty(this.ctx.deps, { memberIds, leaders });
      if (g) [this.partyId, this.premade] = [g.partyId, new Set(g.premade)];
    } catch (err) {
      this.ctx.log.warn({ err, zone: this.ctx.zoneId }, 'forming the group’s party failed');
    }
  }

  /** Before the boss fell: a queue penalty and a replacement looked for. */
  override leave(characterId: string): Promise<{ penaltyUntil: number | null }> | null {
    return this.group.leave(characterId, 'left');
  }

  addBackfill(match: ConfirmedMatch): Promise<boolean> {
    return this.group.addBackfill(match);
  }

  /** A ticket a dissolved ready check put back after the clear is withdrawn again. */
  sweep(): Promise<void> {
    return this.group.sweep();
  }

  /** Its backfill tickets withdrawn, the backfilled members' own matches released. */
  async closed(): Promise<void> {
    await this.group.closed().catch((err: unknown) => {
      this.ctx.log.warn({ err, zone: this.ctx.zoneId }, 'closing a dungeon group failed');
    });
  }

  protected override stopSearching(): void {
    void this.group
      .cleared()
      .catch((err: unknown) =>
        this.ctx.log.warn({ err, zone: this.ctx.zoneId }, 'withdrawing backfills failed'),
      );
  }
}
