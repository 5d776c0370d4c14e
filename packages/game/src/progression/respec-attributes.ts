import { RespecInputSchema, respecCost, type CharacterSheet, type RespecInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { lockCharacter } from '../core/row-locks';
import { recordCurrency } from '../ledger/record-currency';
import { startingAttributesOf, spentPoints, attributesOf } from './character-attributes';
import { deriveCharacterStats } from './derive-character-stats';
import { buildCharacterSheet } from './get-character-sheet';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { inTransaction } from '../core/transaction';

/**
 * Resets the attributes to the origin + class starting values and refunds every
 * point spent since creation, for respecCost(level, respecCount) eddies (ledger
 * sink `respec`). One transaction with the character row locked: without the
 * money nothing is written.
 */
export async function respecAttributes(
  deps: Pick<GameDeps, 'db' | 'log'>,
  input: RespecInput,
): Promise<CharacterSheet> {
  const { characterId } = parseInput(RespecInputSchema, input);
  const { sheet, cost, refund } = await inTransaction(deps.db, async (tx) => {
    const c = await lockCharacter(tx, characterId);
    const start = startingAttributesOf(c);
    const refund = spentPoints(attributesOf(c), start);
    if (refund === 0)
      throw new DomainError(
        'INVALID_STATE',
        'nothing to respec',
        'You have not spent any attribute points',
      );
    const cost = respecCost(c.level, c.respecCount);
    if (c.eddies < cost)
      throw new DomainError(
        'INVALID_STATE',
        `respec costs ${cost}, balance ${c.eddies}`,
        `A respec costs ${cost} eddies; you have ${c.eddies}`,
      );
    // ledger first: it debits the balance conditionally and writes the sink row
    await recordCurrency(tx, { reason: 'respec', characterId: c.id, delta: -cost });
    const { stats } = await deriveCharacterStats(tx, c, start);
    const row = await tx.character.update({
      where: { id: c.id },
      data: {
        ...start,
        attributePoints: { increment: refund },
        respecCount: { increment: 1 },
        health: Math.min(c.health, stats.maxHealth),
        maxHealth: stats.maxHealth,
      },
    });
    await publishStatsChanged(tx, c.id, 'progression.respec');
    return { sheet: await buildCharacterSheet(tx, row), cost, refund };
  });
  deps.log.info({ characterId, cost, refund }, 'attributes respecced');
  return sheet;
}
