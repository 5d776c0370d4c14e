import type { AwardKillInput, CombatLogRow, RecordPlayerDeathInput } from '@necp/game';
import type { CombatSink } from '../outcomes/combat-sink';

/** A CombatSink that records everything, for pure zone tests. */
export class MemoryCombatSink implements CombatSink {
  readonly kills: AwardKillInput[] = [];
  readonly deaths: RecordPlayerDeathInput[] = [];
  readonly rows: CombatLogRow[] = [];
  readonly weaponUses = new Map<string, number>();
  readonly hits = new Map<string, number>();

  npcKilled(kill: AwardKillInput): void {
    this.kills.push(kill);
  }
  playerDied(death: RecordPlayerDeathInput): void {
    this.deaths.push(death);
  }
  log(row: CombatLogRow): void {
    this.rows.push(row);
  }
  weaponUsed(characterId: string): void {
    this.weaponUses.set(characterId, (this.weaponUses.get(characterId) ?? 0) + 1);
  }
  hitTaken(characterId: string): void {
    this.hits.set(characterId, (this.hits.get(characterId) ?? 0) + 1);
  }
}
