/**
 * What a dungeon and a raid share as instance kinds (instance-kind.ts;
 * docs/instances.md "Dungeons", "The raid"): their kills pay like the open world's
 * (the zone services), nothing respawns and a small group fights NPCs with less
 * health (instance-npcs.ts), and the boss's death clears the instance
 * (InstanceClearRules) — the members inside are credited and told, and it closes
 * DUNGEON_CLOSE_AFTER_CLEAR_MS later. A raid is this as it is (raid-kind.ts); a
 * dungeon adds its group (dungeon-kind.ts).
 */
import { DUNGEON_CLOSE_AFTER_CLEAR_MS, emitTo, type InstanceClearedMsg } from '@necp/shared';
import { recordInstanceCleared } from '@necp/game';
import type { Zone } from '../zone/zone';
import { InstanceClearRules, type InstanceClear } from './instance-clear-rules';
import { instanceNpcTemplates } from './instance-npcs';
import { leaveEarly, type InstanceContext, type InstanceRun } from './instance-kind';

export class PveRun implements InstanceRun {
  readonly services = true;
  readonly zone: InstanceRun['zone'];
  /** the boss encounter: its death clears the instance (none: a map without a boss) */
  readonly clearRules: InstanceClearRules | undefined;

  constructor(
    protected readonly ctx: InstanceContext,
    private readonly kind: 'dungeon' | 'raid',
  ) {
    // nothing respawns; a small premade group fights NPCs with less health
    this.zone = { npcTemplates: instanceNpcTemplates(kind, ctx.match().teams.flat().length) };
    const bossSpawnId = ctx.template.bossSpawnId;
    this.clearRules = bossSpawnId
      ? new InstanceClearRules({
          bossSpawnId,
          members: () => ctx.match().teams.flat(),
          onCleared: (clear) => this.cleared(clear),
        })
      : undefined;
  }

  afterTick(zone: Zone, now: number): void {
    this.clearRules?.afterTick(zone, now);
  }

  /** A raid member who leaves is free to queue at once. */
  leave(characterId: string): Promise<{ penaltyUntil: number | null }> | null {
    return leaveEarly(this.ctx, characterId, { free: true });
  }

  /** The boss fell: nothing more is looked for (a dungeon's backfill). */
  protected stopSearching(): void {}

  /**
   * The boss is down (called from inside the tick): the instance closes
   * DUNGEON_CLOSE_AFTER_CLEAR_MS later (time to loot; leaving earlier is free), the
   * members inside are credited (`dungeon.cleared` / `raid.cleared`, once per
   * instance) and told (`instance:cleared`).
   */
  private cleared(clear: InstanceClear): void {
    const { ctx, kind } = this;
    if (!ctx.running()) return;
    ctx.finishAt(clear.at + DUNGEON_CLOSE_AFTER_CLEAR_MS);
    this.stopSearching();
    const templateId = ctx.template.content.id;
    const msg: InstanceClearedMsg = {
      matchId: ctx.match().matchId,
      kind,
      templateId,
      name: ctx.template.content.name,
      closeInMs: DUNGEON_CLOSE_AFTER_CLEAR_MS,
    };
    ctx.push([emitTo({ characters: clear.present }, 'instance:cleared', msg)]);
    if (clear.present.length === 0) return;
    void recordInstanceCleared(ctx.deps, {
      kind,
      instanceId: ctx.zoneId,
      templateId,
      characterIds: clear.present,
    }).catch((err: unknown) =>
      ctx.log.error({ err, zone: ctx.zoneId, kind }, 'recording a clear failed'),
    );
  }
}
