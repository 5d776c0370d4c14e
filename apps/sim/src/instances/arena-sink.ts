import type { AwardKillInput, CombatLogRow, RecordPlayerDeathInput } from '@necp/game';
import type { CombatSink } from '../outcomes/combat-sink';

/**
 * The arena's combat outcomes: nothing goes to the database (no death penalty, no
 * wear, no log rows for a practice fight); damage and kills between players are
 * counted for the scoreboard.
 */
export class ArenaSink implements CombatSink {
  readonly damage = new Map<string, number>();
  readonly kills = new Map<string, number>();

  npcKilled(_kill: AwardKillInput): void {}

  playerDied(death: RecordPlayerDeathInput): void {
    const killer = death.killer;
    if (killer?.kind === 'player' && killer.id !== death.characterId)
      this.kills.set(killer.id, (this.kills.get(killer.id) ?? 0) + 1);
  }

  log(row: CombatLogRow): void {
    if (
      (row.kind === 'hit' || row.kind === 'tick') &&
      row.sourceKind === 'player' &&
      row.targetKind === 'player' &&
      row.sourceId !== row.targetId &&
      row.amount
    )
      this.damage.set(row.sourceId, (this.damage.get(row.sourceId) ?? 0) + row.amount);
  }

  weaponUsed(): void {}
  hitTaken(): void {}
}
