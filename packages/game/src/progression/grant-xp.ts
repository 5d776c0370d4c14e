import {
  ATTRIBUTE_POINTS_PER_LEVEL,
  MAX_TOTAL_XP,
  levelForTotalXp,
  totalXpForLevel,
  GrantXpInputSchema,
  type GrantXpInput,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { parseInput } from '../core/validation';
import { lockCharacter } from '../core/row-locks';
import { publishEvent } from '../outbox/publish-event';
import { deriveCharacterStats } from './derive-character-stats';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { inTransaction } from '../core/transaction';

export interface GrantXpResult {
  level: number;
  /** total XP after the grant */
  xp: number;
  /** XP actually added (less than asked at the cap) */
  xpGained: number;
  levelsGained: number;
  attributePoints: number;
  health: number;
  maxHealth: number;
}

/**
 * Adds XP (server-side sources only: kills, quests, admin). Every level gained
 * grants ATTRIBUTE_POINTS_PER_LEVEL and restores full health; XP stops at the
 * level cap. One transaction with the character row locked, so concurrent grants add up.
 */
export async function grantXp(
  deps: Pick<GameDeps, 'db' | 'log'>,
  input: GrantXpInput,
): Promise<GrantXpResult> {
  const { characterId, amount, reason } = parseInput(GrantXpInputSchema, input);
  const result = await inTransaction(deps.db, async (tx) => {
    const r = await grantXpTx(tx, input);
    // a new level raises max health (the sim's own kill awards refresh in process)
    if (r.levelsGained > 0) await publishStatsChanged(tx, characterId, `xp.${reason}`.slice(0, 64));
    return r;
  });
  deps.log.info({ characterId, amount, reason, ...result }, 'xp granted');
  return result;
}

/**
 * grantXp's work inside the caller's transaction (awardKill pays several killers
 * in one). Locks the character row; a level-up publishes `character.leveled`,
 * keyed by character and new level (a level is reached once).
 */
export async function grantXpTx(tx: Tx, input: GrantXpInput): Promise<GrantXpResult> {
  const { characterId, amount } = parseInput(GrantXpInputSchema, input);
  const c = await lockCharacter(tx, characterId);
  // a level set by hand above the XP counts as reached: XP continues from that level
  const from = Math.max(c.xp, totalXpForLevel(c.level));
  const xp = Math.min(MAX_TOTAL_XP, from + amount);
  const level = Math.max(c.level, levelForTotalXp(xp));
  const levelsGained = level - c.level;
  const attributePoints = c.attributePoints + levelsGained * ATTRIBUTE_POINTS_PER_LEVEL;
  const { stats } = await deriveCharacterStats(tx, c, { level });
  const health = levelsGained > 0 ? stats.maxHealth : Math.min(c.health, stats.maxHealth);
  await tx.character.update({
    where: { id: c.id },
    data: { xp, level, attributePoints, health, maxHealth: stats.maxHealth },
  });
  if (levelsGained > 0)
    await publishEvent(tx, {
      type: 'character.leveled',
      key: `character.leveled:${c.id}:${level}`,
      payload: { characterId: c.id, level, previousLevel: c.level },
    });
  return {
    level,
    xp,
    xpGained: xp - c.xp,
    levelsGained,
    attributePoints,
    health,
    maxHealth: stats.maxHealth,
  };
}
