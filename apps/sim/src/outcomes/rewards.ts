import {
  awardKill,
  partyLootPushes,
  isStaleZoneOwner,
  recordPlayerDeath,
  type AwardKillInput,
  type AwardKillResult,
  type GameDeps,
  type Log,
  type RecordPlayerDeathInput,
} from '@necp/game';
import type { Zone } from '../zone/zone';
import { inZone, refreshZoneStats, type LocatePlayer } from './refresh-stats';
import { RetryQueue } from './retry-queue';
import type { PushSink } from '@necp/shared';

/**
 * Pays out deaths in the database and brings the results back into the zone.
 * An NPC kill → awardKill (XP, loot, outbox; idempotent by the NPC's life id, so
 * a retry after a lost reply pays nothing twice) → `progress:xp` to each rewarded
 * player, char:stats after a level-up, the drops shown in the zone. A player
 * death → recordPlayerDeath (durability, outbox; idempotent by its death key).
 * Failures are retried on the zone clock until they land (RetryQueue: never given up).
 */
export class ZoneRewards {
  readonly retries: RetryQueue;

  constructor(
    private readonly deps: GameDeps,
    private readonly zone: Zone,
    private readonly log: Log,
    /** where a rewarded character is now: it may have ridden the metro before a retry landed */
    private readonly locate: LocatePlayer = inZone(zone),
    /** party loot news (rolls opened, gifts for the leader); none in unit tests */
    private readonly push?: PushSink,
  ) {
    this.retries = new RetryQueue(deps.clock, log);
  }

  npcKilled(kill: AwardKillInput): void {
    this.retries.submit(`award ${kill.killKey}`, async () => {
      await this.unlessStale(this.award(kill));
    });
  }

  playerDied(death: RecordPlayerDeathInput): void {
    this.retries.submit(`death ${death.deathKey}`, async () => {
      const fence = this.zone.fence;
      const recorded = recordPlayerDeath(this.deps, { ...death, ...(fence ? { fence } : {}) });
      if (!(await this.unlessStale(recorded))) return;
      // worn gear may have broken: its bonuses are gone
      const zone = this.locate(death.characterId);
      if (!zone) return;
      await refreshZoneStats(this.deps, zone, death.characterId, 'keep').catch((err: unknown) =>
        this.log.warn(
          { err, characterId: death.characterId },
          'refreshing stats after death failed',
        ),
      );
    });
  }

  /** One award attempt and its delivery into the zone (a duplicate delivers nothing). */
  async award(kill: AwardKillInput): Promise<AwardKillResult> {
    const fence = this.zone.fence;
    const result = await awardKill(this.deps, { ...kill, ...(fence ? { fence } : {}) });
    for (const drop of result.loot.drops) this.zone.submit({ k: 'drop_add', drop });
    this.push?.(partyLootPushes(result));
    for (const r of result.rewards) {
      const zone = this.locate(r.characterId);
      if (!zone) continue;
      const conn = zone.player(r.characterId)?.conn;
      conn?.xp?.({
        xpGained: r.xp.xpGained,
        xp: r.xp.xp,
        level: r.xp.level,
        levelsGained: r.xp.levelsGained,
        source: kill.npc.name,
      });
      if (r.xp.levelsGained > 0) {
        // a level-up raises the maximum and restores health
        await refreshZoneStats(this.deps, zone, r.characterId, 'full').catch((err: unknown) =>
          this.log.warn(
            { err, characterId: r.characterId },
            'refreshing stats after level-up failed',
          ),
        );
      }
    }
    return result;
  }

  /**
   * True once `job` is done; false if PostgreSQL refused it because another process
   * owns the zone now (fencing): never retried, the new owner runs the zone.
   */
  private async unlessStale(job: Promise<unknown>): Promise<boolean> {
    try {
      await job;
      return true;
    } catch (err) {
      if (!isStaleZoneOwner(err)) throw err;
      this.log.warn({ zone: this.zone.id }, 'zone write refused: another process owns the zone');
      return false;
    }
  }

  tick(now: number): void {
    this.retries.tick(now);
  }

  idle(): Promise<void> {
    return this.retries.idle();
  }

  /** Shutdown: waiting retries are tried once more now. */
  flush(): Promise<void> {
    return this.retries.flush();
  }
}
