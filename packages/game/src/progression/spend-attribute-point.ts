import {
  ATTRIBUTE_MAX,
  SpendAttributePointInputSchema,
  type CharacterSheet,
  type SpendAttributePointInput,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { lockCharacter } from '../core/row-locks';
import { deriveCharacterStats } from './derive-character-stats';
import { buildCharacterSheet } from './get-character-sheet';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { inTransaction } from '../core/transaction';

/**
 * Moves one unspent attribute point into an attribute (at most ATTRIBUTE_MAX).
 * The character row is locked, so parallel calls can never spend a point twice.
 * Raising max health (Body) raises current health by the same amount.
 */
export async function spendAttributePoint(
  deps: Pick<GameDeps, 'db'>,
  input: SpendAttributePointInput,
): Promise<CharacterSheet> {
  const { characterId, attribute } = parseInput(SpendAttributePointInputSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const c = await lockCharacter(tx, characterId);
    if (c.attributePoints < 1)
      throw new DomainError(
        'INVALID_STATE',
        'no attribute points',
        'You have no attribute points to spend',
      );
    if (c[attribute] >= ATTRIBUTE_MAX)
      throw new DomainError(
        'INVALID_STATE',
        `${attribute} at max`,
        `That attribute is already at the maximum (${ATTRIBUTE_MAX})`,
      );
    const value = c[attribute] + 1;
    const before = await deriveCharacterStats(tx, c);
    const after = await deriveCharacterStats(tx, c, { [attribute]: value });
    const gained = Math.max(0, after.stats.maxHealth - before.stats.maxHealth);
    const health = Math.min(after.stats.maxHealth, c.health + gained);
    const row = await tx.character.update({
      where: { id: c.id },
      data: {
        [attribute]: value,
        attributePoints: { decrement: 1 },
        health,
        maxHealth: after.stats.maxHealth,
      },
    });
    await publishStatsChanged(tx, c.id, 'progression.spend_point');
    return buildCharacterSheet(tx, row);
  });
}
