import type {
  AwardKillInput,
  CombatLogRow,
  GameDeps,
  Log,
  RecordPlayerDeathInput,
} from '@necp/game';
import { decideDueLootRolls } from '@necp/game';
import type { PushSink } from '@necp/shared';
import { applyRollOutcome } from '../loot/party-loot';
import type { Zone } from '../zone/zone';

/** how often a zone looks for need/greed rolls whose time is up */
const LOOT_ROLL_SWEEP_MS = 1_000;
import type { CombatSink } from './combat-sink';
import { COMBAT_LOG_FLUSH_MS, CombatLogBuffer } from './combat-log-buffer';
import { COMBAT_WEAR_FLUSH_MS, CombatWearBatch } from './combat-wear-batch';
import { inZone, type LocatePlayer } from './refresh-stats';
import { ZoneRewards } from './rewards';

/**
 * The sim's CombatSink for one zone: kill awards and death records (retried),
 * the combat log (flushed every second) and gear wear (batched), all through
 * packages/game. `start` schedules the flushes on the zone's tick.
 */
export class DbCombatSink implements CombatSink {
  readonly logBuffer: CombatLogBuffer;
  readonly wear: CombatWearBatch;
  readonly rewards: ZoneRewards;

  constructor(
    deps: GameDeps,
    private readonly zone: Zone,
    log: Log,
    /** where a rewarded or worn-out character is now (default: this zone only) */
    locate: LocatePlayer = inZone(zone),
    /** party loot news to the sockets (none: no party loot announcements) */
    private readonly push?: PushSink,
  ) {
    const l = log.child({ zone: zone.id, component: 'combat-sink' });
    this.logBuffer = new CombatLogBuffer(deps, l);
    this.wear = new CombatWearBatch(deps, locate, l);
    this.rewards = new ZoneRewards(deps, zone, l, locate, push);
    this.deps = deps;
    this.l = l;
  }

  private readonly deps: GameDeps;
  private readonly l: Log;
  private deciding: Promise<void> | undefined;

  /** Need/greed rolls whose time is up in this zone: decided (once), shown, told; one sweep at a time. */
  private decideDueRolls(): Promise<void> {
    return (this.deciding ??= this.decideRolls().finally(() => (this.deciding = undefined)));
  }

  private async decideRolls(): Promise<void> {
    const push = this.push;
    if (!push) return;
    try {
      for (const o of await decideDueLootRolls(this.deps, { zoneId: this.zone.id }))
        applyRollOutcome(this.zone, push, o);
    } catch (err) {
      this.l.warn({ err }, 'deciding due loot rolls failed');
    }
  }

  start(): void {
    this.zone.setSink(this);
    this.zone.every(COMBAT_LOG_FLUSH_MS, (now) => {
      void this.logBuffer.flush();
      this.rewards.tick(now);
    });
    this.zone.every(COMBAT_WEAR_FLUSH_MS, () => void this.wear.flush());
    this.zone.every(LOOT_ROLL_SWEEP_MS, () => void this.decideDueRolls());
  }

  npcKilled(kill: AwardKillInput): void {
    this.rewards.npcKilled(kill);
  }

  playerDied(death: RecordPlayerDeathInput): void {
    this.rewards.playerDied(death);
  }

  log(row: CombatLogRow): void {
    this.logBuffer.push(row);
  }

  weaponUsed(characterId: string): void {
    this.wear.weaponUsed(characterId);
  }

  hitTaken(characterId: string): void {
    this.wear.hitTaken(characterId);
  }

  /** Writes everything pending (waiting retries tried once more) and waits for it (shutdown, tests). */
  async drain(): Promise<void> {
    await this.rewards.flush();
    await Promise.all([this.logBuffer.flush(), this.wear.flush()]);
  }
}
