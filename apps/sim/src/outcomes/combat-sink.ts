import type { AwardKillInput, CombatLogRow, RecordPlayerDeathInput } from '@necp/game';

/**
 * Where a zone hands the outcomes the database must learn: kills to pay out,
 * deaths to record, combat log rows and gear wear. The sim backs it with
 * batched, retried domain calls (DbCombatSink); pure zone tests with arrays.
 * Every call returns at once: the zone tick never waits for the database.
 */
export interface CombatSink {
  npcKilled(kill: AwardKillInput): void;
  playerDied(death: RecordPlayerDeathInput): void;
  log(row: CombatLogRow): void;
  /** a player's weapon was used once */
  weaponUsed(characterId: string): void;
  /** a player was hit once */
  hitTaken(characterId: string): void;
}

/** Forgets everything (a zone without a database). */
export const nullCombatSink: CombatSink = {
  npcKilled: () => undefined,
  playerDied: () => undefined,
  log: () => undefined,
  weaponUsed: () => undefined,
  hitTaken: () => undefined,
};
