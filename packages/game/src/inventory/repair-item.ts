import {
  RepairItemInputSchema,
  repairCost,
  type InventoryView,
  type RepairItemInput,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { recordCurrency } from '../ledger/record-currency';
import { withCharacterLocked } from '../core/row-locks';
import { ownedItem } from './owned-items';
import { readInventory } from './read-inventory';
import { loadTemplate } from './templates';
import { gainSkillXp } from '../progression/gain-skill-xp';
import { publishStatsChanged } from '../world/publish-stats-changed';

/** Engineering grows by use: one skill XP per this many durability points restored. */
const DURABILITY_PER_ENGINEERING_XP = 5;

/**
 * Restores a bag or equipped item to full durability for `repairCost` eddies
 * (currency sink `repair`); "Not enough eddies" leaves everything as it was.
 */
export async function repairItem(
  deps: Pick<GameDeps, 'db'>,
  input: RepairItemInput,
): Promise<InventoryView> {
  const { characterId, itemId } = parseInput(RepairItemInputSchema, input);
  let restored = 0;
  const view = await withCharacterLocked(deps.db, characterId, async (tx, c, items) => {
    const item = ownedItem(items, itemId);
    const template = await loadTemplate(tx, item.templateId);
    const max = template.maxDurability;
    if (max === undefined || item.durability === null)
      throw new DomainError(
        'INVALID_STATE',
        'item has no durability',
        "That item can't be repaired",
      );
    if (item.durability >= max)
      throw new DomainError(
        'INVALID_STATE',
        'item at full durability',
        "That item doesn't need repairs",
      );
    const cost = repairCost(template, item.durability);
    const eddies =
      cost > 0
        ? await recordCurrency(tx, {
            reason: 'repair',
            characterId: c.id,
            delta: -cost,
            ref: item.id,
          })
        : c.eddies;
    await tx.item.update({ where: { id: item.id }, data: { durability: max } });
    restored = max - item.durability;
    // broken gear gave no bonuses: repaired, it counts again
    await publishStatsChanged(tx, c.id, 'inventory.repair');
    return readInventory(tx, { ...c, eddies });
  });
  // skill XP is progress, not currency: a separate transaction after the repair is fine
  const xp = Math.ceil(restored / DURABILITY_PER_ENGINEERING_XP);
  if (xp > 0) await gainSkillXp(deps, { characterId, skillId: 'engineering', amount: xp });
  return view;
}
